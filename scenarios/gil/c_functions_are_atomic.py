# gilsim: expect=ok policy=preemptive runs=300
# What CPython writes in C runs without a thread switch, so these idioms need no lock: ids
# drawn from one shared `itertools.count()`, `bisect.insort` and `heapq.heappush` into one
# shared list, `collections.deque` appends, `next()` of one shared `map` object, a shared
# `Counter` updated from lists (CPython counts them in C; from a mapping it would not). gilsim
# writes them in Python; they must still never be interrupted (no "generator already
# executing", no unsorted list, no broken heap), under every interleaving of the
# every-instruction policy. The Python code they call (the function `map` applies) may
# switch as usual.
import bisect
import heapq
import itertools
import threading
from collections import Counter, deque

ids = itertools.count(1)
drawn = []
ordered = []
heap = []
log = deque(maxlen=1000)
squares = map(lambda n: n * n, range(1, 1000))
taken = []
words = Counter()


def worker(k):
    for i in range(12):
        n = next(ids)
        drawn.append(n)
        bisect.insort(ordered, (n * 7919) % 101)
        heapq.heappush(heap, -n)
        log.append((k, i))
        taken.append(next(squares))
        words.update(["lock", "gil", "lock"])


threads = [threading.Thread(target=worker, args=(k,)) for k in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(drawn), sorted(drawn) == list(range(1, 37)), next(ids))
print(ordered == sorted(ordered), len(ordered))
print([-heapq.heappop(heap) for _ in range(3)], len(heap))
print(len(log), sorted(taken) == [n * n for n in range(1, 37)])
print(sorted(words.items()))
