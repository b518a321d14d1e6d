# Modelled on readers-writer locks written with a Condition.
import threading
import time

class ReadWriteLock:
    def __init__(self):
        self._readers = 0
        self._cond = threading.Condition(threading.Lock())

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
log = []

def reader(n):
    for _ in range(3):
        rw.acquire_read()
        log.append(("r", data["version"]))
        time.sleep(0.001)
        rw.release_read()

def writer():
    for _ in range(2):
        rw.acquire_write()
        data["version"] += 1
        rw.release_write()
        time.sleep(0.002)

ts = [threading.Thread(target=reader, args=(i,)) for i in range(3)] + [threading.Thread(target=writer)]
for t in ts: t.start()
for t in ts: t.join()
print("final version", data["version"], "reads", len(log), "max seen", max(v for _, v in log) <= 2)
