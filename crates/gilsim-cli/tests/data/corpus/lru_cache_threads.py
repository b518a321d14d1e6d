# Modelled on memoised functions shared by worker threads.
import functools
import threading


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


results = {}


def work(n):
    results[n] = fib(n)


threads = [threading.Thread(target=work, args=(n,)) for n in (10, 20, 30)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
info = fib.cache_info()
print(info.currsize, info.maxsize)
fib.cache_clear()
print(fib.cache_info())
