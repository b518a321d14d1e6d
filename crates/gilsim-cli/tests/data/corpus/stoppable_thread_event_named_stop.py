# Modelled on the old "stoppable thread" recipe that keeps its Event in self._stop, which
# CPython 3.6-3.12 call from join() once the thread has finished.
import threading, time

class StoppableThread(threading.Thread):
    def __init__(self):
        super(StoppableThread, self).__init__()
        self._stop = threading.Event()
    def stop(self):
        self._stop.set()
    def stopped(self):
        return self._stop.is_set()
    def run(self):
        while not self.stopped():
            time.sleep(0.01)
        print("worker exiting")

t = StoppableThread()
t.start()
time.sleep(0.05)
t.stop()
t.join()
print("joined")
