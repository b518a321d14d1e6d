# Modelled on Thread subclasses that keep their result on self.
import threading
import time


class SquareWorker(threading.Thread):
    def __init__(self, number):
        super().__init__(name="Square-%d" % number)
        self.number = number
        self.result = None

    def run(self):
        time.sleep(0.05 * self.number)
        self.result = self.number ** 2


workers = [SquareWorker(n) for n in range(1, 5)]
for w in workers:
    w.start()
print("alive:", sum(w.is_alive() for w in workers))
for w in workers:
    w.join()
    print(w.name, "->", w.result, "alive" if w.is_alive() else "done")
print("total", sum(w.result for w in workers))
