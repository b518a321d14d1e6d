# Modelled on connection pools limited by a Semaphore behind a contextmanager.
import threading
import time
from contextlib import contextmanager

class Pool:
    def __init__(self, size):
        self._sem = threading.Semaphore(size)
        self._lock = threading.Lock()
        self._free = list(range(size))
        self.peak = 0
        self.in_use = 0

    @contextmanager
    def connection(self):
        self._sem.acquire()
        with self._lock:
            conn = self._free.pop()
            self.in_use += 1
            self.peak = max(self.peak, self.in_use)
        try:
            yield conn
        finally:
            with self._lock:
                self._free.append(conn)
                self.in_use -= 1
            self._sem.release()

pool = Pool(3)
def query(i):
    with pool.connection() as conn:
        time.sleep(0.02)

threads = [threading.Thread(target=query, args=(i,)) for i in range(10)]
for t in threads: t.start()
for t in threads: t.join()
print("peak", pool.peak, "free", sorted(pool._free), "in use", pool.in_use)
