# Stopping a worker thread, as answers to "how do I stop a thread" teach: an Event the worker
# polls. The oldest recipe keeps the Event in `self._stop`, which shadows a method that
# CPython 3.6-3.12's Thread calls once the thread has finished — from join(), a timed
# join() and is_alive() — so they fail with "'Event' object is not callable" (3.13 calls it
# no more; Python 2 mangles the name). A `_stop` method of a subclass is called there
# instead of Thread's, which then never learns the thread stopped.
# gilsim: expect=ok
import sys
import threading
import time
import traceback


class StoppableThread(threading.Thread):
    def __init__(self):
        super().__init__()
        self._stop = threading.Event()

    def stop(self):
        self._stop.set()

    def stopped(self):
        return self._stop.is_set()

    def run(self):
        while not self.stopped():
            time.sleep(0.01)
        print("worker saw the stop request")


class StoppableThreadRenamed(StoppableThread):
    def __init__(self):
        threading.Thread.__init__(self)
        self.stop_event = threading.Event()

    def stop(self):
        self.stop_event.set()

    def stopped(self):
        return self.stop_event.is_set()


class CountingStop(threading.Thread):
    calls = 0

    def _stop(self):
        CountingStop.calls += 1


worker = StoppableThread()
worker.start()
time.sleep(0.03)
print("alive while running:", worker.is_alive())
worker.stop()
try:
    worker.join()
    print("joined")
except TypeError:
    traceback.print_exc(file=sys.stdout)
for attempt in ("is_alive", "timed join"):
    try:
        print(attempt, worker.is_alive() if attempt == "is_alive" else worker.join(0.5))
    except TypeError as error:
        print(attempt, "failed:", error)

renamed = StoppableThreadRenamed()
renamed.start()
renamed.stop()
renamed.join()
print("renamed event: joined, alive =", renamed.is_alive())

counting = CountingStop(target=lambda: None)
counting.start()
counting.join()
print("overridden _stop: alive =", counting.is_alive(), "calls =", CountingStop.calls)
