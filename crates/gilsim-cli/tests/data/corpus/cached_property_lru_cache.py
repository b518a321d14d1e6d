# Modelled on functools.cached_property and lru_cache examples read from threads.
import threading
from functools import cached_property, lru_cache

class Report:
    def __init__(self, n):
        self.n = n
    @cached_property
    def total(self):
        print("computing total")
        return sum(range(self.n))

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

r = Report(100)
def reader():
    print(threading.current_thread().name, r.total)

t = threading.Thread(target=reader, name="reader")
t.start(); t.join()
reader()
print(fib(50), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
