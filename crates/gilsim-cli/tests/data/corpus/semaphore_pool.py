# Modelled on PyMOTW "threading_semaphore": a connection pool limited by a Semaphore.
import threading
import time


class ActivePool:
    def __init__(self):
        self.active = []
        self.lock = threading.Lock()
        self.max_seen = 0

    def make_active(self, name):
        with self.lock:
            self.active.append(name)
            self.max_seen = max(self.max_seen, len(self.active))

    def make_inactive(self, name):
        with self.lock:
            self.active.remove(name)


def worker(s, pool):
    with s:
        name = threading.current_thread().name
        pool.make_active(name)
        time.sleep(0.1)
        pool.make_inactive(name)


pool = ActivePool()
s = threading.Semaphore(2)
threads = [threading.Thread(target=worker, name=str(i), args=(s, pool)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("most active at once:", pool.max_seen)
print("still active:", pool.active)
