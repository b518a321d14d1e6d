# Modelled on public readers-writer lock classes built on a Condition.
import threading
import time


class ReadWriteLock:
    def __init__(self):
        self._read_ready = threading.Condition(threading.Lock())
        self._readers = 0

    def acquire_read(self):
        with self._read_ready:
            self._readers += 1

    def release_read(self):
        with self._read_ready:
            self._readers -= 1
            if not self._readers:
                self._read_ready.notify_all()

    def acquire_write(self):
        self._read_ready.acquire()
        while self._readers > 0:
            self._read_ready.wait()

    def release_write(self):
        self._read_ready.release()


rw = ReadWriteLock()
data = {"version": 0}
log = []


def reader(n):
    rw.acquire_read()
    try:
        log.append(("r", n, data["version"]))
        time.sleep(0.05)
    finally:
        rw.release_read()


def writer():
    rw.acquire_write()
    try:
        data["version"] += 1
        log.append(("w", data["version"]))
    finally:
        rw.release_write()


rs = [threading.Thread(target=reader, args=(i,)) for i in range(3)]
for r in rs:
    r.start()
time.sleep(0.01)
w = threading.Thread(target=writer)
w.start()
for t in rs + [w]:
    t.join()
print(sorted(log[:3]), log[3], data)
