# Modelled on class-based producer/consumer examples (Thread subclasses sharing a Queue,
# a sentinel object to stop).
import queue
import threading

SENTINEL = object()


class Producer(threading.Thread):
    def __init__(self, q, items):
        super().__init__(name="producer")
        self.q = q
        self.items = items

    def run(self):
        for item in self.items:
            self.q.put(item)
        self.q.put(SENTINEL)


class Consumer(threading.Thread):
    def __init__(self, q):
        super().__init__(name="consumer")
        self.q = q
        self.total = 0

    def run(self):
        while True:
            item = self.q.get()
            if item is SENTINEL:
                break
            self.total += item


q = queue.Queue(maxsize=2)
p, c = Producer(q, range(10)), Consumer(q)
c.start()
p.start()
p.join()
c.join()
print(c.total, p.name, c.name, q.empty())
