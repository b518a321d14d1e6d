# Modelled on public connection-pool examples: a BoundedSemaphore guards a list of connections.
import threading
import time


class Pool:
    def __init__(self, n):
        self.sem = threading.BoundedSemaphore(n)
        self.lock = threading.Lock()
        self.free = ["conn-%d" % i for i in range(n)]
        self.max_used = 0

    def acquire(self):
        self.sem.acquire()
        with self.lock:
            c = self.free.pop()
            self.max_used = max(self.max_used, 2 - len(self.free))
            return c

    def release(self, c):
        with self.lock:
            self.free.append(c)
        self.sem.release()


pool = Pool(2)
usage = []


def client(i):
    c = pool.acquire()
    usage.append((i, c))
    time.sleep(0.05)
    pool.release(c)


ts = [threading.Thread(target=client, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(usage), pool.max_used, sorted(pool.free))
try:
    pool.sem.release()
except ValueError as e:
    print("ValueError:", e)
