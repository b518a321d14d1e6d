# Modelled on per-key locking examples: a defaultdict of locks guarding counters per key.
import collections
import threading

locks = collections.defaultdict(threading.Lock)
guard = threading.Lock()
counters = collections.Counter()


def lock_for(key):
    with guard:
        return locks[key]


def hit(key, times):
    for _ in range(times):
        with lock_for(key):
            counters[key] += 1


threads = [threading.Thread(target=hit, args=(k, 100)) for k in "abcab"]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(counters.items()), len(locks))
