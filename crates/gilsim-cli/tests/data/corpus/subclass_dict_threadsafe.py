# Modelled on "thread-safe dict" answers that subclass dict and lock each operation.
import threading


class SafeDict(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._lock = threading.Lock()

    def increment(self, key, by=1):
        with self._lock:
            self[key] = self.get(key, 0) + by


d = SafeDict(start=0)


def worker(name):
    for _ in range(100):
        d.increment(name)
        d.increment("total")


threads = [threading.Thread(target=worker, args=("w%d" % i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(d.items()))
print(len(d), "total" in d, isinstance(d, dict))
