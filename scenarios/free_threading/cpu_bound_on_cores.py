# gilsim: expect=ok python=3.13t cores=4
# CPU-bound work on a free-threaded build: four threads counting down in parallel on four
# cores take about as long as one count (virtual time), where a GIL build takes about four
# times as long (run it with --python 3.13 to compare, or --cores 1 or 2).
import os
import sys
import threading
import time


def countdown(n):
    while n > 0:
        n -= 1


start = time.perf_counter()
countdown(100000)
alone = time.perf_counter() - start

start = time.perf_counter()
workers = [threading.Thread(target=countdown, args=(100000,)) for _ in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
together = time.perf_counter() - start
print("cores:", os.cpu_count(), "GIL:", sys._is_gil_enabled())
print("four threads took %.1f times one count" % (together / alone))
