# Modelled on examples sharing a memo dict between threads computing Fibonacci numbers.
import threading
from functools import lru_cache

memo = {0: 0, 1: 1}
memo_lock = threading.Lock()


def fib(n):
    with memo_lock:
        if n in memo:
            return memo[n]
    value = fib(n - 1) + fib(n - 2)
    with memo_lock:
        memo[n] = value
    return value


@lru_cache(maxsize=None)
def fib_cached(n):
    return n if n < 2 else fib_cached(n - 1) + fib_cached(n - 2)


results = {}


def job(n):
    results[n] = (fib(n), fib_cached(n))


threads = [threading.Thread(target=job, args=(n,)) for n in (10, 20, 30, 40)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for n in sorted(results):
    a, b = results[n]
    print(n, a, a == b)
info = fib_cached.cache_info()
print("memo size:", len(memo), "cache hits>0:", info.hits > 0, "maxsize:", info.maxsize)
