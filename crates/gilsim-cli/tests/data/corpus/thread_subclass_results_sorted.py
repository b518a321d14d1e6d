# Modelled on course examples of Thread subclasses storing a result attribute read after join().
from threading import Thread, Lock
import random
import time

results = []
results_lock = Lock()
random.seed(11)
delays = [random.randint(1, 3) / 20 for _ in range(6)]


class SimpleThread(Thread):
    def __init__(self, num, delay):
        super().__init__()
        self._threadnum = num
        self._delay = delay

    def run(self):
        time.sleep(self._delay)
        with results_lock:
            results.append(self._threadnum)
        self.result = self._threadnum * 100


threads = [SimpleThread(i, d) for i, d in enumerate(delays)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(delays)
print(results)
print([t.result for t in threads])
print("Done.")
