# Modelled on public "repeating timer" classes built by subclassing threading.Timer.
import threading
import time


class RepeatTimer(threading.Timer):
    def run(self):
        while not self.finished.wait(self.interval):
            self.function(*self.args, **self.kwargs)


ticks = []
start = time.monotonic()


def tick(label):
    ticks.append((label, round(time.monotonic() - start, 1)))


timer = RepeatTimer(0.1, tick, args=("tick",))
timer.start()
time.sleep(0.45)
timer.cancel()
timer.join()
print(ticks)
print(timer.is_alive(), isinstance(timer, threading.Thread))
