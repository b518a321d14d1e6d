# A memoising lookup tests `key not in cache` before computing: two threads can both
# compute the same key. Fails on an assertion.
# Bench: runs to the first failure (bench/find.sh).
import threading

cache = {}
computed = []


def lookup(key):
    if key not in cache:
        value = key * 2
        computed.append(key)
        cache[key] = value
    return cache[key]


def worker():
    for k in range(3):
        lookup(k)


threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert len(computed) == 3, computed
