# Modelled on registry / cache classes from threading tutorials: lookups that `return` from
# inside a `for` loop while holding a lock (`with self._lock: for ...: return ...`), nested
# loops under two locks, a return through try/finally, and concurrent.futures.wait with
# FIRST_EXCEPTION, whose own implementation returns from a loop inside a `with`.
import threading
import time
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait


class Registry:
    def __init__(self):
        self._lock = threading.Lock()
        self._audit = threading.RLock()
        self._services = {}
        self.log = []

    def register(self, name, port):
        with self._lock:
            self._services[name] = port

    def find_port(self, prefix):
        with self._lock:
            for name, port in sorted(self._services.items()):
                if name.startswith(prefix):
                    return port
        return None

    def find_pair(self, total):
        with self._lock, self._audit:
            ports = sorted(self._services.values())
            for a in ports:
                for b in ports:
                    if a < b and a + b == total:
                        return (a, b)
        return None

    def first_free(self, candidates):
        with self._lock:
            for port in candidates:
                try:
                    if port not in self._services.values():
                        return port
                finally:
                    self.log.append(port)
        return -1


registry = Registry()
threads = [threading.Thread(target=registry.register, args=(name, port))
           for name, port in [("api", 8000), ("auth", 8001), ("db", 5432), ("cache", 6379)]]
for t in threads:
    t.start()
for t in threads:
    t.join()

results = []
lookups = [threading.Thread(target=lambda p=p: results.append((p, registry.find_port(p)))) for p in ["a", "c", "x"]]
for t in lookups:
    t.start()
for t in lookups:
    t.join()
print(sorted(results, key=lambda r: r[0]))
print(registry.find_pair(13433), registry.find_pair(1), registry.first_free([8000, 8001, 9000, 9001]))
print(registry.log, registry._lock.locked())


def slow(seconds):
    time.sleep(seconds)
    return seconds


def fail():
    raise LookupError("no such service")


with ThreadPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(slow, 0.05), pool.submit(fail)]
    done, not_done = wait(futures, return_when=FIRST_EXCEPTION)
    print(len(done), len(not_done), repr(futures[1].exception()))
print(futures[0].result())
