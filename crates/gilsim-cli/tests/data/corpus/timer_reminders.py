# Modelled on public threading.Timer reminder examples with cancellation.
import threading
import time

start = time.monotonic()
fired = []


def remind(msg):
    fired.append(msg)
    print("reminder: %s at %.1f" % (msg, round(time.monotonic() - start, 1)))


timers = [threading.Timer(0.1 * (i + 1), remind, args=("task %d" % i,)) for i in range(4)]
for t in timers:
    t.start()
timers[2].cancel()
time.sleep(0.25)
print("active:", threading.active_count())
for t in timers:
    t.join()
print(fired)
print(timers[2].finished.is_set(), timers[0].is_alive())
