# Modelled on textbook bounded buffers built on one Condition with notify_all.
import threading
import time

class BoundedBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = []
        self.cond = threading.Condition()

    def put(self, item):
        with self.cond:
            while len(self.items) >= self.capacity:
                self.cond.wait()
            self.items.append(item)
            self.cond.notify_all()

    def get(self):
        with self.cond:
            while not self.items:
                self.cond.wait()
            item = self.items.pop(0)
            self.cond.notify_all()
            return item

buf = BoundedBuffer(2)
consumed = []

def producer():
    for i in range(8):
        buf.put(i)
    buf.put(None)

def consumer():
    while True:
        item = buf.get()
        if item is None:
            break
        consumed.append(item)
        time.sleep(0.001)

threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads: t.start()
for t in threads: t.join()
print(consumed, len(buf.items))
