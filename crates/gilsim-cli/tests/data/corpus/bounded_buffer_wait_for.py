# Modelled on public bounded-buffer examples built on Condition.wait_for, with BoundedSemaphore and Condition misuse errors.
import threading

class BoundedBuffer:
    def __init__(self, size):
        self.items = []
        self.size = size
        self.cond = threading.Condition()

    def put(self, item):
        with self.cond:
            self.cond.wait_for(lambda: len(self.items) < self.size)
            self.items.append(item)
            self.cond.notify_all()

    def get(self):
        with self.cond:
            self.cond.wait_for(lambda: self.items)
            item = self.items.pop(0)
            self.cond.notify_all()
            return item

buf = BoundedBuffer(2)
out = []
def produce():
    for i in range(6):
        buf.put(i)
def consume():
    for _ in range(6):
        out.append(buf.get())
ts = [threading.Thread(target=produce), threading.Thread(target=consume)]
[t.start() for t in ts]
[t.join() for t in ts]
print(out)
sem = threading.BoundedSemaphore(2)
sem.acquire(); sem.release()
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)
s = threading.Semaphore(0)
print(s.acquire(timeout=0.01), s.acquire(blocking=False))
c = threading.Condition()
try:
    c.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
with c:
    print(c.wait(0.01))
