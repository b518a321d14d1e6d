# Modelled on the "thread-safe counter" class found in many tutorials (a Lock in a class).
import threading


class Counter:
    def __init__(self):
        self._value = 0
        self._lock = threading.Lock()

    def increment(self):
        with self._lock:
            self._value += 1

    @property
    def value(self):
        with self._lock:
            return self._value


counter = Counter()


def work():
    for _ in range(10000):
        counter.increment()


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("Final count:", counter.value)
