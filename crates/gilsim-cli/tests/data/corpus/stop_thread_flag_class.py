# Modelled on "how to stop a thread" answers: a Thread subclass with a stop() method and a flag.
import threading
import time


class StoppableWorker(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self._stop_event = threading.Event()
        self.iterations = 0

    def stop(self):
        self._stop_event.set()

    def stopped(self):
        return self._stop_event.is_set()

    def run(self):
        while not self.stopped():
            self.iterations += 1
            time.sleep(0.1)


w = StoppableWorker()
w.start()
time.sleep(0.35)
w.stop()
w.join()
print(w.iterations, w.stopped(), w.is_alive(), w.daemon)
