# Modelled on heartbeat examples that re-arm a threading.Timer until stopped.
import threading
import time

beats = []
stop = threading.Event()


def beat(n):
    beats.append(n)
    if n < 4 and not stop.is_set():
        t = threading.Timer(0.05, beat, args=(n + 1,))
        t.daemon = True
        t.start()


beat(0)
time.sleep(0.5)
stop.set()
print(beats, threading.active_count() >= 1)
