# Modelled on PyMOTW "threading_enumerate": join every thread but the main one.
import random
import threading
import time


def worker(pause):
    time.sleep(pause)


for i in range(3):
    t = threading.Thread(target=worker, args=(0.1 * (i + 1),), daemon=True)
    t.start()

main_thread = threading.main_thread()
count = 0
for t in threading.enumerate():
    if t is main_thread:
        continue
    t.join()
    count += 1
print("joined", count, "threads; alive now:", threading.active_count())
print(random.random() < 1.0)
