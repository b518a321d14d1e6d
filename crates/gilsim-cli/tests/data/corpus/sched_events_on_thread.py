# Modelled on sched.scheduler examples run on a worker thread.
import sched
import time
import threading

s = sched.scheduler(time.monotonic, time.sleep)
start = time.monotonic()

def event(name):
    print("%s at %.1f in %s" % (name, time.monotonic() - start, threading.current_thread().name))

s.enter(0.3, 1, event, ("third",))
s.enter(0.1, 1, event, ("first",))
s.enter(0.2, 1, event, argument=("second",))
e = s.enter(0.25, 1, event, ("cancelled",))
s.cancel(e)
print("queue length", len(s.queue))
t = threading.Thread(target=s.run, name="scheduler")
t.start()
t.join()
print("empty", s.empty())
