# Modelled on Thread subclasses that store a result attribute, is_alive and join(timeout).
import threading
import time

class SquareWorker(threading.Thread):
    def __init__(self, numbers, delay):
        super().__init__()
        self.numbers = numbers
        self.delay = delay
        self.result = None

    def run(self):
        time.sleep(self.delay)
        self.result = [n * n for n in self.numbers]

workers = [SquareWorker(range(i, i + 3), 0.05 * (3 - i)) for i in range(3)]
for w in workers:
    w.start()
print("alive:", [w.is_alive() for w in workers])
workers[0].join(timeout=0.01)
print("after short join, first alive:", workers[0].is_alive())
for w in workers:
    w.join()
for w in workers:
    print(w.name, w.result, w.is_alive())
