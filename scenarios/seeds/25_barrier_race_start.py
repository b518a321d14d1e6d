# Seed notes 002, Barrier: three runners arrive at different times; nobody passes until all
# three called wait(). The last to arrive runs the action before anyone is released; wait()
# returns the arrival index. A wait that times out breaks the barrier for everybody
# (BrokenBarrierError); reset() repairs it; abort() breaks it.
# Which released runner prints first after the barrier opens is up to the scheduler
# (CPython: the OS); the indices and the action's thread are fixed by arrival order.
# gilsim: expect=ok
import threading
import time


def start_gun():
    print("all at the line; action runs in", threading.current_thread().name)


line = threading.Barrier(3, action=start_gun)


def runner(name, delay):
    time.sleep(delay)
    print(name, "arrives")
    index = line.wait()
    print(name, "passed with index", index)


runners = [threading.Thread(target=runner, args=(name, delay), name=name)
           for name, delay in (("A", 0.2), ("B", 0.4), ("C", 0.0))]
for r in runners:
    r.start()
for r in runners:
    r.join()

short = threading.Barrier(2, timeout=0.1)
try:
    short.wait()
except threading.BrokenBarrierError:
    print("timed out alone: broken =", short.broken)
short.reset()
print("after reset: broken =", short.broken, "parties =", short.parties, "waiting =", short.n_waiting)
short.abort()
try:
    short.wait()
except threading.BrokenBarrierError:
    print("after abort: broken =", short.broken)
