# Modelled on the sched module's documentation example, threading.Timer cancellation, and heapq/bisect/itertools recipes from the library reference.
import sched
import threading
import time
import heapq
import bisect
import itertools

start = time.monotonic()
events = []
s = sched.scheduler(time.monotonic, time.sleep)


def job(name, *args, **kw):
    events.append((name, round(time.monotonic() - start, 2), args, kw))


s.enter(0.2, 1, job, argument=("b",))
s.enter(0.1, 1, job, argument=("a", 1), kwargs={"k": 2})
e = s.enter(0.15, 1, job, argument=("cancelled",))
s.enter(0.2, 0, job, argument=("b0",))
s.cancel(e)
print(len(s.queue), s.empty())
s.run()
print(events)

fired = []
timers = [threading.Timer(0.05 * i, fired.append, args=[i]) for i in range(5)]
for t in timers:
    t.start()
timers[3].cancel()
for t in timers:
    t.join()
print(fired, [t.finished.is_set() for t in timers])

h = []
for pri, name in [(3, "c"), (1, "a"), (2, "b"), (1, "aa")]:
    heapq.heappush(h, (pri, name))
print([heapq.heappop(h) for _ in range(len(h))])
print(heapq.nlargest(2, [5, 1, 8, 3]), heapq.nsmallest(2, [5, 1, 8, 3], key=lambda x: -x))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3])))
scores = [10, 20, 30]
bisect.insort(scores, 25)
print(scores, bisect.bisect_left(scores, 20), bisect.bisect_right(scores, 20))
grades = [bisect.bisect([60, 70, 80, 90], s) for s in (55, 60, 75, 99)]
print(["FDCBA"[g] for g in grades])
print(list(itertools.accumulate([1, 2, 3, 4], lambda a, b: a * b)))
print(list(itertools.islice(itertools.cycle("ab"), 5)), list(itertools.compress("abcd", [1, 0, 1, 0])))
print([(k, len(list(g))) for k, g in itertools.groupby("aaabccdd")])
print(list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.filterfalse(None, [0, 1, 2, 0])))
print(len(list(itertools.permutations(range(4), 2))), list(itertools.combinations_with_replacement("ab", 2)))
print(list(itertools.product("ab", repeat=2)), next(itertools.count(5, 3)))
a, b = itertools.tee([1, 2, 3])
print(list(a), list(b))
