# Modelled on public "thread-safe id generator with itertools.count" examples.
import itertools
import threading

ids = itertools.count(1000)
assigned = {}
lock = threading.Lock()


def assign(names):
    for name in names:
        value = next(ids)
        with lock:
            assigned[name] = value


groups = [["a%d" % i for i in range(5)], ["b%d" % i for i in range(5)], ["c%d" % i for i in range(5)]]
threads = [threading.Thread(target=assign, args=(g,)) for g in groups]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(assigned), sorted(assigned.values()) == list(range(1000, 1015)))
print(next(ids))
