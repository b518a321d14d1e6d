# How long does a CPU-bound thread keep the GIL before another CPU-bound thread gets it?
# Two threads spin; whenever one sees that the other ran last, it closes the other's run and
# opens its own. The main thread sleeps meanwhile, then stops them and prints how often the
# GIL changed hands and the median run. CPython here (docs/gil-lab.md):
#   3.11, two cores: runs of 5.1-8 ms (the switch interval)     gilsim --python 3.11
#   2.7, two cores: 8,000-22,600 switches/s, median 0.029 ms    gilsim --python 2.7
#   2.7, one core:  ~260 switches/s, runs of 4 ms (OS quantum)  gilsim --python 2.7 --cores 1
# The threads share `owner` and `runs` without a lock on purpose: only one thread writes
# at a time in practice, and the measurement tolerates the rare overlap.
# gilsim: expect=possible-race
import threading
import time

try:
    clock = time.perf_counter
except AttributeError:
    clock = time.time

SPIN_FOR = 0.1
owner = [None]
opened = [0.0]
runs = []
done = [False]


def spin(me):
    while not done[0]:
        if owner[0] is not me:
            now = clock()
            if owner[0] is not None:
                runs.append(now - opened[0])
            opened[0] = now
            owner[0] = me


spinners = [threading.Thread(target=spin, args=(n,)) for n in range(2)]
for t in spinners:
    t.start()
time.sleep(SPIN_FOR)
done[0] = True
for t in spinners:
    t.join()

runs.sort()
count = len(runs)
if count:
    print("switches/s %d, median run %.3f ms, p10 %.3f ms, p90 %.3f ms" % (
        count / SPIN_FOR, 1000 * runs[count // 2], 1000 * runs[count // 10], 1000 * runs[9 * count // 10]))
else:
    print("no switch")
