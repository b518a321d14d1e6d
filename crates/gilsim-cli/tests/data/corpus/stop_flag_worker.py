# Modelled on "how to stop a thread" answers: a worker polls an Event used as a stop flag.
import threading
import time


class Worker(threading.Thread):
    def __init__(self):
        super().__init__(name="poller")
        self._stop_event = threading.Event()
        self.ticks = 0

    def stop(self):
        self._stop_event.set()

    def run(self):
        while not self._stop_event.is_set():
            self.ticks += 1
            self._stop_event.wait(0.1)


w = Worker()
w.start()
time.sleep(0.55)
w.stop()
w.join()
print("ticks:", w.ticks, "alive:", w.is_alive())
