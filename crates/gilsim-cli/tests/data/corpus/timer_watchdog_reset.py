# Modelled on a watchdog that re-arms a threading.Timer, and Event.wait ticker loops.
import threading
import time


class Watchdog:
    def __init__(self, timeout, on_expire):
        self.timeout = timeout
        self.on_expire = on_expire
        self._timer = None
        self.resets = 0

    def start(self):
        self._timer = threading.Timer(self.timeout, self.on_expire)
        self._timer.daemon = True
        self._timer.start()

    def reset(self):
        self._timer.cancel()
        self.resets += 1
        self.start()

    def stop(self):
        self._timer.cancel()


fired = threading.Event()
dog = Watchdog(0.05, fired.set)
dog.start()
for _ in range(3):
    time.sleep(0.02)
    dog.reset()
print("fired early?", fired.is_set(), "resets", dog.resets)
print("fired in time?", fired.wait(0.2))
dog.stop()
t = threading.Timer(1.0, print, args=("never",))
t.start()
t.cancel()
t.join()
print("cancelled timer alive?", t.is_alive(), t.finished.is_set())
start = time.monotonic()
ticks = []
stop = threading.Event()


def ticker():
    while not stop.wait(0.01):
        ticks.append(round(time.monotonic() - start, 2))


th = threading.Thread(target=ticker)
th.start()
time.sleep(0.055)
stop.set()
th.join()
print(len(ticks), ticks[:3])
