# Modelled on textbook bounded-buffer classes built on one Condition with wait loops.
import threading


class BoundedBuffer:
    def __init__(self, size):
        self.buf = []
        self.size = size
        self.cond = threading.Condition()

    def put(self, item):
        with self.cond:
            while len(self.buf) >= self.size:
                self.cond.wait()
            self.buf.append(item)
            self.cond.notify_all()

    def get(self):
        with self.cond:
            while not self.buf:
                self.cond.wait()
            item = self.buf.pop(0)
            self.cond.notify_all()
            return item


bb = BoundedBuffer(2)
out = []


def producer(base):
    for i in range(5):
        bb.put(base + i)


def consumer(n):
    for _ in range(n):
        out.append(bb.get())


ps = [threading.Thread(target=producer, args=(b,)) for b in (0, 100)]
cs = [threading.Thread(target=consumer, args=(5,)) for _ in range(2)]
for t in ps + cs:
    t.start()
for t in ps + cs:
    t.join()
print(sorted(out))
print(len(out), bb.buf)
