# Modelled on producer/consumer with collections.deque and Condition.notify_all.
import collections
import threading
import time

buf = collections.deque()
cond = threading.Condition()
consumed = collections.defaultdict(list)
DONE = object()


def consumer(name):
    while True:
        with cond:
            while not buf:
                cond.wait()
            item = buf.popleft()
            if item is DONE:
                buf.appendleft(DONE)
                cond.notify_all()
                return
        consumed[name].append(item)
        time.sleep(0.01)


def producer():
    for i in range(12):
        with cond:
            buf.append(i)
            cond.notify()
        time.sleep(0.005)
    with cond:
        buf.append(DONE)
        cond.notify_all()


cs = [threading.Thread(target=consumer, args=("c%d" % i,)) for i in range(3)]
for c in cs:
    c.start()
p = threading.Thread(target=producer)
p.start()
p.join()
for c in cs:
    c.join()
allitems = sorted(x for items in consumed.values() for x in items)
print(allitems)
print("consumers used:", len(consumed))
