# Modelled on examples that split work into batches with itertools for a thread pool.
import itertools
import threading


def batched(iterable, n):
    it = iter(iterable)
    while True:
        batch = list(itertools.islice(it, n))
        if not batch:
            return
        yield batch


totals = []
lock = threading.Lock()


def work(batch):
    s = sum(batch)
    with lock:
        totals.append(s)


threads = [threading.Thread(target=work, args=(b,)) for b in batched(range(25), 10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(totals))
print(list(itertools.chain([1, 2], [3])), list(itertools.product("ab", repeat=2)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.count(5).__next__() for _ in range(2)))
