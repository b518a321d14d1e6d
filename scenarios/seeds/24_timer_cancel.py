# Seed notes 002, Timer: a Thread subclass that calls a function after an interval, in its own
# thread; cancel() before it fires stops it. Its default name has no "(target)" suffix.
# gilsim: expect=ok
import threading
import time


def remind(what):
    print("reminder:", what, "in", threading.current_thread().name)


fired = threading.Timer(0.5, remind, args=("tea",))
cancelled = threading.Timer(0.5, remind, args=("meeting",))
fired.start()
cancelled.start()
time.sleep(0.1)
cancelled.cancel()
fired.join()
cancelled.join()
print("cancelled timer finished:", cancelled.finished.is_set())
print("names:", fired.name, cancelled.name)
