# Modelled on older tutorials using camelCase threading APIs
import threading
import time

class Worker(threading.Thread):
    def __init__(self, name, work):
        threading.Thread.__init__(self)
        self._stop_event = threading.Event()
        self.setName(name)
        self._work = work
        self.rounds = 0
    def run(self):
        print("{} thread started".format(self.getName()))
        while not self._stop_event.isSet():
            self._work()
            self.rounds += 1
        print("{} thread stopped".format(self.getName()))
    def stop(self):
        self._stop_event.set()

w = Worker('ticker', lambda: time.sleep(0.1))
w.setDaemon(False)
w.start()
time.sleep(0.35)
print(threading.currentThread().getName(), threading.activeCount(), w.isAlive() if hasattr(w, 'isAlive') else w.is_alive())
w.stop()
w.join()
print('rounds', w.rounds)
