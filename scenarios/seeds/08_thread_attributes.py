# Seed notes on thread attributes: current_thread, enumerate, active_count and names, with
# the camelCase aliases the notes use (each warns once per call site on 3.10+).
# gilsim: expect=ok
import time
import threading


def nap(seconds):
    time.sleep(seconds)


workers = [threading.Thread(target=nap, args=(s,)) for s in (1, 2, 3)]
workers[0].setName("first")
for w in workers:
    w.start()
print("current:", threading.currentThread().getName())
print("alive:", [t.name for t in threading.enumerate()])
print("count:", threading.activeCount(), threading.active_count())
time.sleep(1.5)
print("after 1.5 s:", threading.active_count(), [t.name for t in threading.enumerate()])
for w in workers:
    w.join()
print("after join:", threading.active_count())
