# Modelled on "subclass Thread and override run" tutorials with a shared print lock.
import threading
import time

print_lock = threading.Lock()


class CountdownThread(threading.Thread):
    def __init__(self, name, count, delay):
        super().__init__(name=name)
        self.count = count
        self.delay = delay

    def run(self):
        while self.count > 0:
            with print_lock:
                print("%s: %d" % (self.name, self.count))
            self.count -= 1
            time.sleep(self.delay)
        with print_lock:
            print(self.getName() if hasattr(self, "getName") else self.name, "finished")


a = CountdownThread("Alpha", 3, 0.1)
b = CountdownThread("Beta", 2, 0.13)
a.start()
time.sleep(0.05)
b.start()
a.join()
b.join()
print(a.is_alive(), b.is_alive(), a.count + b.count)
