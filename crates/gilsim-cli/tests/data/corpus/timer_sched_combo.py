# Modelled on the sched docs: events entered with priorities and one cancelled, run alongside a threading.Timer.
import sched
import threading
import time

events = []
s = sched.scheduler(time.monotonic, time.sleep)
lock = threading.Lock()


def note(what):
    with lock:
        events.append(what)


start = time.monotonic()
e1 = s.enter(0.02, 1, note, argument=("sched-2",))
s.enter(0.01, 1, note, argument=("sched-1",))
s.enter(0.01, 0, note, kwargs={"what": "sched-1-high"})
s.cancel(e1)
timer = threading.Timer(0.015, note, args=("timer",))
timer.start()
print(s.empty(), len(s.queue), [e.priority for e in s.queue])
s.run()
timer.join()
print(events, s.empty())
print(round(time.monotonic() - start, 2) >= 0.01)
