# Modelled on queue pipelines between stage threads, drained with a walrus loop.
import threading
import queue
import itertools


def stage(fn, inq, outq):
    while True:
        item = inq.get()
        if item is StopIteration:
            outq.put(item)
            break
        outq.put(fn(item))
        inq.task_done()


q1, q2, q3 = queue.Queue(), queue.Queue(), queue.Queue()
threads = [
    threading.Thread(target=stage, args=(lambda x: x * 2, q1, q2), daemon=True),
    threading.Thread(target=stage, args=(lambda x: x + 1, q2, q3), daemon=True),
]
for t in threads:
    t.start()
for i in itertools.chain(range(3), [10, 20]):
    q1.put(i)
q1.put(StopIteration)
out = []
while (x := q3.get()) is not StopIteration:
    out.append(x)
print(out)
print(list(itertools.accumulate(out)), list(itertools.pairwise(out)) if hasattr(itertools, "pairwise") else None)
print([list(g) for k, g in itertools.groupby(sorted(out, key=lambda v: v % 3), key=lambda v: v % 3)])
print(list(itertools.product("ab", repeat=2)), list(itertools.combinations(range(4), 2))[:3])
print(list(itertools.zip_longest("abc", "d", fillvalue="-")), list(itertools.starmap(max, [(1, 2), (5, 3)])))
print(list(itertools.islice(itertools.cycle("xyz"), 7)), list(itertools.takewhile(lambda v: v < 5, out)))
