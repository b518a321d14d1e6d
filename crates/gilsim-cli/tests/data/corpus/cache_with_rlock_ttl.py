# Modelled on "thread-safe cache with expiry" snippets using RLock and time.monotonic.
import threading
import time


class TTLCache:
    def __init__(self, ttl):
        self.ttl = ttl
        self._data = {}
        self._lock = threading.RLock()

    def set(self, key, value):
        with self._lock:
            self._data[key] = (value, time.monotonic() + self.ttl)

    def get(self, key, default=None):
        with self._lock:
            item = self._data.get(key)
            if item is None:
                return default
            value, expires = item
            if time.monotonic() >= expires:
                del self._data[key]
                return default
            return value

    def get_or_compute(self, key, compute):
        with self._lock:
            value = self.get(key)
            if value is None:
                value = compute(key)
                self.set(key, value)
            return value

    def __len__(self):
        with self._lock:
            return len(self._data)


cache = TTLCache(ttl=0.5)
calls = []


def expensive(key):
    calls.append(key)
    return key.upper() * 2


def reader(keys):
    for k in keys:
        cache.get_or_compute(k, expensive)


threads = [threading.Thread(target=reader, args=(["a", "b", "c"],)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("computed:", sorted(calls), "size:", len(cache))
time.sleep(0.6)
print("after expiry:", cache.get("a", "gone"), len(cache))
