# Modelled on public thread-safe LRU cache classes built on OrderedDict and an RLock.
from collections import OrderedDict
import threading


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()
        self.lock = threading.RLock()
        self.hits = self.misses = 0

    def get(self, key):
        with self.lock:
            if key in self.data:
                self.data.move_to_end(key)
                self.hits += 1
                return self.data[key]
            self.misses += 1
            return None

    def put(self, key, value):
        with self.lock:
            self.data[key] = value
            self.data.move_to_end(key)
            if len(self.data) > self.capacity:
                self.data.popitem(last=False)


cache = LRUCache(3)


def client(keys):
    for k in keys:
        if cache.get(k) is None:
            cache.put(k, k.upper())


threads = [threading.Thread(target=client, args=(list("abcab"),)), threading.Thread(target=client, args=(list("dcba"),))]
for t in threads:
    t.start()
    t.join()
print(list(cache.data.items()), cache.hits, cache.misses)
