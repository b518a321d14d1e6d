# Modelled on bounded-buffer Condition examples (textbook producer/consumer with wait/notify).
import threading


class BoundedBuffer:
    def __init__(self, size):
        self.items = []
        self.size = size
        self.cond = threading.Condition()

    def put(self, item):
        with self.cond:
            while len(self.items) >= self.size:
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


buf = BoundedBuffer(3)
consumed = []


def producer():
    for i in range(10):
        buf.put(i)
    buf.put(None)


def consumer():
    while True:
        item = buf.get()
        if item is None:
            break
        consumed.append(item)


p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start()
c.start()
p.join()
c.join()
print("consumed:", consumed)
