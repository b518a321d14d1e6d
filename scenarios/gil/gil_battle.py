# The "GIL battle" (Beazley, "Inside the Python GIL", 2009): the same CPU-bound countdown,
# run twice one after the other, then in two threads at once. Threads cannot make pure
# Python faster under a GIL, but the old GIL (2.7) on a multi-core machine makes it slower:
# at every check the holder signals the waiting thread, which wakes on another core only to
# find the GIL taken again. CPython here (docs/gil-lab.md):
#   2.7, two cores: threaded 1.7x the serial time   gilsim --python 2.7
#   2.7, one core:  about the same                  gilsim --python 2.7 --cores 1
#   3.x (new GIL): about the same                    gilsim --python 3.11
# gilsim: expect=ok
import threading
import time

try:
    clock = time.perf_counter
except AttributeError:
    clock = time.time

N = 2000000


def countdown(n):
    while n > 0:
        n -= 1


start = clock()
countdown(N // 2)
countdown(N // 2)
serial = clock() - start

start = clock()
threads = [threading.Thread(target=countdown, args=(N // 2,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = clock() - start

print("threaded / serial: %.2f" % (threaded / serial))
