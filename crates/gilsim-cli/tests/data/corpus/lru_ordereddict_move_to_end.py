# Modelled on LRU caches built on OrderedDict.move_to_end and popitem(last=False) under a Lock.
import threading
from collections import OrderedDict


class LRUCache:
    """A small thread-safe LRU cache built on OrderedDict."""

    def __init__(self, capacity):
        self.capacity = capacity
        self._data = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key, compute):
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                return self._data[key]
            self.misses += 1
        value = compute(key)
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.capacity:
                evicted, _ = self._data.popitem(last=False)
        return value

    def __repr__(self):
        return f"LRUCache(capacity={self.capacity}, keys={list(self._data)})"


cache = LRUCache(4)


def square(n):
    return n * n


def worker(keys):
    for k in keys:
        cache.get(k, square)


t1 = threading.Thread(target=worker, args=([1, 2, 3, 1, 2],))
t1.start()
t1.join()
t2 = threading.Thread(target=worker, args=([4, 5, 1, 6],))
t2.start()
t2.join()
print(cache)
print("hits", cache.hits, "misses", cache.misses)
od = OrderedDict.fromkeys("abcde")
od.move_to_end("b")
od.move_to_end("e", last=False)
print(od)
print(list(reversed(od)))
print(od.popitem(), od.popitem(last=False))
d = OrderedDict([("x", 1), ("y", 2)])
print(d == OrderedDict([("y", 2), ("x", 1)]), d == {"y": 2, "x": 1})
