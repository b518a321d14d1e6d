# Modelled on public thread-safe cache examples built on weakref.WeakValueDictionary.
import threading
import weakref


class Resource:
    def __init__(self, key):
        self.key = key

    def __repr__(self):
        return "Resource(%r)" % self.key


cache = weakref.WeakValueDictionary()
lock = threading.Lock()
keep = []


def get(key):
    with lock:
        r = cache.get(key)
        if r is None:
            r = Resource(key)
            cache[key] = r
        return r


def worker(keys):
    for k in keys:
        keep.append(get(k))


ts = [threading.Thread(target=worker, args=(["a", "b", "a"],)) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(keep), len(set(map(id, keep))), sorted(cache.keys()))
ref = weakref.ref(keep[0])
print(ref() is keep[0], type(ref).__name__)
