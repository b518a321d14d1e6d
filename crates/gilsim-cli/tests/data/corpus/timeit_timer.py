# Modelled on tutorials that time threads with timeit.default_timer
from timeit import default_timer as timer
import threading
import time

def io_task():
    time.sleep(0.25)

start = timer()
for _ in range(3):
    io_task()
serial = timer() - start

start = timer()
ts = [threading.Thread(target=io_task) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
threaded = timer() - start
print('serial %.1f s, threaded %.1f s' % (serial, threaded))
print('speedup about', round(serial / threaded))
