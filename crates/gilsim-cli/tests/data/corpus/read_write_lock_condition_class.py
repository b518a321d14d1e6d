# Modelled on the classic readers-writer lock built on one Condition.
import threading
import time


class ReadWriteLock:
    def __init__(self):
        self._cond = threading.Condition(threading.Lock())
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


rw = ReadWriteLock()
data = {"version": 0}
seen = []
slock = threading.Lock()


def reader(i):
    for _ in range(3):
        rw.acquire_read()
        try:
            v = data["version"]
            time.sleep(0.001)
            with slock:
                seen.append(v)
        finally:
            rw.release_read()


def writer():
    for _ in range(3):
        rw.acquire_write()
        try:
            data["version"] += 1
            time.sleep(0.002)
        finally:
            rw.release_write()


ts = [threading.Thread(target=reader, args=(i,)) for i in range(3)] + [threading.Thread(target=writer)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(seen), data, min(seen) >= 0, max(seen) <= 3)
