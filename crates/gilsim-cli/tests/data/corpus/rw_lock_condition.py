# Modelled on readers-writer locks built from a Condition.
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
log = []


def reader(i):
    rw.acquire_read()
    try:
        log.append("r%d saw v%d" % (i, data["version"]))
        time.sleep(0.1)
    finally:
        rw.release_read()


def writer():
    time.sleep(0.05)
    rw.acquire_write()
    try:
        data["version"] += 1
        log.append("w wrote v%d" % data["version"])
    finally:
        rw.release_write()


threads = [threading.Thread(target=reader, args=(i,)) for i in range(3)] + [threading.Thread(target=writer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("\n".join(log))
