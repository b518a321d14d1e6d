# Modelled on "get the return value of a thread" answers and small utilities: a double-checked
# singleton, a Thread subclass whose join() returns run()'s result, a rate limiter, a consumer pool.
import threading, queue, time, sys, functools, collections

class Singleton:
    _instance = None
    _lock = threading.Lock()
    def __new__(cls, *a, **k):
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    cls._instance = super().__new__(cls)
        return cls._instance

ids = set()
def make():
    ids.add(id(Singleton()))
ts = [threading.Thread(target=make) for _ in range(5)]
[t.start() for t in ts]; [t.join() for t in ts]
print("instances:", len(ids))

class ReturningThread(threading.Thread):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._ret = None
    def run(self):
        if self._target is not None:
            self._ret = self._target(*self._args, **self._kwargs)
    def join(self, *args):
        super().join(*args)
        return self._ret

t = ReturningThread(target=sum, args=([1, 2, 3],))
t.start()
print("returned", t.join())

class RateLimiter:
    def __init__(self, rate):
        self.interval = 1.0 / rate
        self.lock = threading.Lock()
        self.last = 0.0
    def wait(self):
        with self.lock:
            now = time.monotonic()
            delay = self.last + self.interval - now
            if delay > 0:
                time.sleep(delay)
            self.last = time.monotonic()

rl = RateLimiter(100)
start = time.monotonic()
for _ in range(5):
    rl.wait()
print("elapsed >= 0.04:", time.monotonic() - start >= 0.04)

q = queue.Queue()
out = collections.Counter()
out_lock = threading.Lock()
def consumer():
    while True:
        item = q.get()
        try:
            if item is None:
                break
            with out_lock:
                out[item % 3] += 1
        finally:
            q.task_done()
workers = [threading.Thread(target=consumer, daemon=True) for _ in range(3)]
for w in workers: w.start()
for i in range(30): q.put(i)
q.join()
for _ in workers: q.put(None)
for w in workers: w.join()
print(sorted(out.items()), out.most_common(1))
sys.stdout.write("written %d\n" % 3)
print("flushed", flush=True)
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
lock = threading.Lock()
print(lock.acquire(timeout=0.01), lock.acquire(timeout=0.01), lock.acquire(False))
lock.release()
try:
    lock.acquire(timeout=-2)
except ValueError as e:
    print("ValueError:", e)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
