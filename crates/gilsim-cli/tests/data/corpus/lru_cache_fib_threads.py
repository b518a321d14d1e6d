# Modelled on public examples calling an lru_cache'd function from several threads.
import functools
import threading


@functools.lru_cache(maxsize=32)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


results = {}


def worker(n):
    results[n] = fib(n)


threads = [threading.Thread(target=worker, args=(n,)) for n in (10, 20, 30)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
info = fib.cache_info()
print(info.maxsize, info.currsize <= 32, info.hits > 0)
fib.cache_clear()
print(fib.cache_info())
