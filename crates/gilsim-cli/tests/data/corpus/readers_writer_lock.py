# Modelled on the classic ReadWriteLock recipe built on a Condition (readers share, a
# writer waits until no reader is inside).
import threading
import time


class ReadWriteLock:
    def __init__(self):
        self._cond = threading.Condition(threading.Lock())
        self._readers = 0

    def acquire_read(self):
        with self._cond:
            self._readers += 1

    def release_read(self):
        with self._cond:
            self._readers -= 1
            if self._readers == 0:
                self._cond.notify_all()

    def acquire_write(self):
        self._cond.acquire()
        while self._readers > 0:
            self._cond.wait()

    def release_write(self):
        self._cond.release()


rw = ReadWriteLock()
data = {"version": 0}
seen = []


def reader(n):
    for _ in range(3):
        rw.acquire_read()
        try:
            seen.append(data["version"])
            time.sleep(0.01)
        finally:
            rw.release_read()


def writer():
    for _ in range(2):
        time.sleep(0.015)
        rw.acquire_write()
        try:
            data["version"] += 1
        finally:
            rw.release_write()


threads = [threading.Thread(target=reader, args=(i,)) for i in range(3)] + [threading.Thread(target=writer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(data, len(seen), max(seen) <= 2, min(seen))
