# Modelled on self-rearming threading.Timer schedulers.
import threading
import time

ticks = []


class Periodic:
    def __init__(self, interval, fn, limit):
        self.interval, self.fn, self.limit = interval, fn, limit
        self.count = 0
        self.timer = None
        self.done = threading.Event()

    def _run(self):
        self.count += 1
        self.fn(self.count)
        if self.count < self.limit:
            self.start()
        else:
            self.done.set()

    def start(self):
        self.timer = threading.Timer(self.interval, self._run)
        self.timer.daemon = True
        self.timer.start()


p = Periodic(0.05, lambda n: ticks.append(n), 4)
p.start()
p.done.wait(2)
print("ticks:", ticks)
print("timer finished:", p.timer.finished.is_set())
t = threading.Timer(10, print, args=("never",))
t.start()
t.cancel()
t.join()
print("cancelled timer alive:", t.is_alive())
