# Modelled on PyMOTW threading_timer: several Timers, some cancelled, their finished events and attributes.
import threading

fired = []
lock = threading.Lock()

def fire(name):
    with lock:
        fired.append(name)

timers = [threading.Timer(0.01 * (i + 1), fire, args=(f"t{i}",)) for i in range(5)]
for t in timers:
    t.start()
timers[1].cancel()
timers[3].cancel()
for t in timers:
    t.join()
print(fired)
print([t.finished.is_set() for t in timers])
print(timers[0].interval, timers[0].args, timers[0].kwargs)
print(isinstance(timers[0], threading.Thread), type(timers[0]).__name__)
t = threading.Timer(0.5, fire, kwargs={"name": "late"})
t.daemon = True
t.start()
t.cancel()
t.join()
print(fired[-1], t.is_alive())
