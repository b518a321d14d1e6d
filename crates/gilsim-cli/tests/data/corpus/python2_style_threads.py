# Modelled on older tutorials written for both Python 2 and 3 (print function, format strings).
from __future__ import print_function
import threading


class Worker(threading.Thread):
    def __init__(self, num):
        threading.Thread.__init__(self)
        self.num = num
        self.result = None

    def run(self):
        self.result = sum(range(self.num))


workers = [Worker(n) for n in (10, 100, 1000)]
for w in workers:
    w.start()
for w in workers:
    w.join()
for w in workers:
    print("Worker {0}: {1}".format(w.num, w.result))
print("%d workers, total %s" % (len(workers), sum(w.result for w in workers)))
