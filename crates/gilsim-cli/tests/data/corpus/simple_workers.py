# Modelled on the first example of most threading tutorials (PyMOTW "threading_simple",
# Real Python "An Intro to Threading"): start workers with arguments, join them.
import threading
import time


def worker(num, delay):
    time.sleep(delay)
    print("Worker %d finished after %.1fs" % (num, delay))


threads = []
for i in range(5):
    t = threading.Thread(target=worker, args=(i, 0.1 * (5 - i)))
    threads.append(t)
    t.start()

for t in threads:
    t.join()
print("All workers done")
