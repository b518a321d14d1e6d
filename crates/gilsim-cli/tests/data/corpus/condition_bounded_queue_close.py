# Modelled on a Condition-based bounded queue with close(), consumed by two threads.
import threading
import time
from collections import deque


class BoundedQueue:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = deque()
        self.cond = threading.Condition()
        self.closed = False

    def put(self, item):
        with self.cond:
            while len(self.items) >= self.capacity:
                self.cond.wait()
            self.items.append(item)
            self.cond.notify_all()

    def get(self):
        with self.cond:
            while not self.items and not self.closed:
                self.cond.wait()
            if not self.items:
                return None
            item = self.items.popleft()
            self.cond.notify_all()
            return item

    def close(self):
        with self.cond:
            self.closed = True
            self.cond.notify_all()


bq = BoundedQueue(2)
consumed = []
clock = threading.Lock()


def consumer(name):
    while (item := bq.get()) is not None:
        with clock:
            consumed.append((name, item))
        time.sleep(0.001)


cs = [threading.Thread(target=consumer, args=(f"c{i}",)) for i in range(2)]
for c in cs:
    c.start()
for i in range(8):
    bq.put(i)
bq.close()
for c in cs:
    c.join()
print(sorted(i for _, i in consumed), len({n for n, _ in consumed}))
print(repr(bq.cond).startswith("<Condition("), bq.items)
