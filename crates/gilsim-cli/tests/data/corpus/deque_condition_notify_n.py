# Modelled on condition-variable examples waking some waiters with notify(n)
import threading
import time
from collections import deque

items = deque()
cond = threading.Condition()
served = []

def consumer(name):
    with cond:
        while not items:
            cond.wait()
        served.append((name, items.popleft()))

cs = [threading.Thread(target=consumer, args=('c%d' % i,)) for i in range(4)]
for c in cs: c.start()
time.sleep(0.1)
with cond:
    items.extend(['x', 'y'])
    cond.notify(2)
time.sleep(0.1)
print(len(served), sorted(v for _, v in served))
with cond:
    items.extend(['z', 'w'])
    cond.notify_all()
for c in cs: c.join()
print(len(served), sorted(v for _, v in served), len(items))
