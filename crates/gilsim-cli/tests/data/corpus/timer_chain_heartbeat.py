# Modelled on heartbeat loops built from chained threading.Timer objects and a cancelled timer.
import threading
import time

beats = []

def heartbeat(n):
    beats.append(n)
    print("beat", n)
    if n < 3:
        schedule(n + 1)

timers = []
def schedule(n):
    t = threading.Timer(0.1, heartbeat, args=(n,))
    timers.append(t)
    t.start()

schedule(1)
time.sleep(0.45)
late = threading.Timer(1.0, print, args=("never printed",))
late.start()
late.cancel()
late.join()
print("beats:", beats, "finished:", late.finished.is_set())
