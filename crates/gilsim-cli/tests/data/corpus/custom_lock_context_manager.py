# Modelled on custom lock classes with __enter__/__exit__ that suppress an error.
import threading
import time
from contextlib import contextmanager

class TimedLock:
    def __init__(self, name):
        self._lock = threading.Lock()
        self.name = name
    def __enter__(self):
        self._lock.acquire()
        print(threading.current_thread().name, "acquired", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print(threading.current_thread().name, "releasing", self.name, exc_type.__name__ if exc_type else None)
        self._lock.release()
        return exc_type is KeyError

tl = TimedLock("db")

def job(fail, delay):
    time.sleep(delay)
    with tl:
        if fail:
            raise KeyError("missing")
    print(threading.current_thread().name, "after with")

ts = [threading.Thread(target=job, args=(i == 1, i * 0.1), name="job%d" % i) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()

@contextmanager
def section(name):
    print("enter", name)
    try:
        yield name.upper()
    finally:
        print("exit", name)

with section("a") as a, section("b") as b:
    print(a, b)
