# Modelled on deque rotation and itertools recipes used by worker threads.
import threading
from collections import deque
import itertools

ring = deque(range(5), maxlen=5)
lock = threading.Lock()

def spin(k):
    with lock:
        ring.rotate(k)
        ring.append(k * 10)

ts = [threading.Thread(target=spin, args=(k,)) for k in (1, -2, 3)]
for t in ts:
    t.start(); t.join()
print(ring, ring.maxlen, ring.count(10))
ids = itertools.count(100, 5)
print([next(ids) for _ in range(3)])
print(list(itertools.islice(itertools.cycle("ab"), 5)), list(itertools.accumulate([1, 2, 3, 4])))
print(list(itertools.product("ab", repeat=2)), list(itertools.combinations(range(4), 2))[:3])
print([(k, list(g)) for k, g in itertools.groupby("aabbbc")])
