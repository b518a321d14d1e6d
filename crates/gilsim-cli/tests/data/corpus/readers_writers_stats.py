# Modelled on the classic readers-writer lock built on one Condition, with per-thread seeded random pauses.
import threading
import random
import time
from collections import Counter

class RWLock:
    def __init__(self):
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False

    def acquire_read(self):
        with self._cond:
            while self._writer:
                self._cond.wait()
            self._readers += 1

    def release_read(self):
        with self._cond:
            self._readers -= 1
            if self._readers == 0:
                self._cond.notify_all()

    def acquire_write(self):
        with self._cond:
            while self._writer or self._readers:
                self._cond.wait()
            self._writer = True

    def release_write(self):
        with self._cond:
            self._writer = False
            self._cond.notify_all()

data = {"version": 0}
rw = RWLock()
seen = Counter()
seen_lock = threading.Lock()

def reader(rng):
    for _ in range(20):
        rw.acquire_read()
        try:
            v = data["version"]
        finally:
            rw.release_read()
        with seen_lock:
            seen["reads"] += 1
        time.sleep(rng.random() / 1000)

def writer():
    for _ in range(5):
        rw.acquire_write()
        try:
            data["version"] += 1
        finally:
            rw.release_write()
        time.sleep(0.001)

ts = [threading.Thread(target=reader, args=(random.Random(i),)) for i in range(3)]
ts.append(threading.Thread(target=writer))
for t in ts: t.start()
for t in ts: t.join()
print(data, dict(seen))
