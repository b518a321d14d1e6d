# Modelled on connection-pool examples: resources written as contextlib.AbstractContextManager
# subclasses, handed out by a pool run on concurrent.futures.thread's executor, with jitter from
# random.SystemRandom and work split into batches.
import itertools
import threading
import time
from concurrent.futures.thread import ThreadPoolExecutor
from contextlib import AbstractContextManager
from random import SystemRandom

jitter = SystemRandom()


class Connection(AbstractContextManager):
    def __init__(self, pool, ident):
        self.pool = pool
        self.ident = ident
        self.queries = 0

    def query(self, sql):
        self.queries += 1
        time.sleep(0.001 + jitter.random() / 1000)
        return f"{sql} via conn-{self.ident}"

    def __exit__(self, exc_type, exc, tb):
        self.pool.release(self)
        return False


class Pool:
    def __init__(self, size):
        self.free = [Connection(self, i) for i in range(size)]
        self.cond = threading.Condition()
        self.peak_in_use = 0
        self.size = size

    def acquire(self):
        with self.cond:
            self.cond.wait_for(lambda: self.free)
            conn = self.free.pop()
            self.peak_in_use = max(self.peak_in_use, self.size - len(self.free))
            return conn

    def release(self, conn):
        with self.cond:
            self.free.append(conn)
            self.cond.notify()


def batches(items, n):
    if hasattr(itertools, "batched"):
        return list(itertools.batched(items, n))
    it = iter(items)
    return list(iter(lambda: tuple(itertools.islice(it, n)), ()))


pool = Pool(2)


def run_batch(batch):
    with pool.acquire() as conn:
        return [conn.query(f"SELECT {n}").split(" via ")[0] for n in batch]


work = batches(range(10), 3)
with ThreadPoolExecutor(max_workers=4) as executor:
    results = list(executor.map(run_batch, work))
print("batches:", work)
print("results:", results)
print("peak in use:", pool.peak_in_use, "free after:", len(pool.free))
# How the batches split between the two connections depends on the jitter's timing (CPython
# printed [3, 7] in about one run in six): the total does not.
print("queries over all connections:", sum(c.queries for c in pool.free))
print("is a context manager:", isinstance(pool.free[0], AbstractContextManager),
      issubclass(threading.Lock().__class__, AbstractContextManager))
print("seed ignored:", jitter.seed(1) is None)
