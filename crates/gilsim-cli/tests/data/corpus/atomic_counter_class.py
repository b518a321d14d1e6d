# Modelled on "AtomicCounter" classes built on a Lock with __iadd__ and __int__.
import threading


class AtomicCounter:
    def __init__(self, initial=0):
        self._value = initial
        self._lock = threading.Lock()

    def increment(self, n=1):
        with self._lock:
            self._value += n
            return self._value

    def __iadd__(self, n):
        self.increment(n)
        return self

    def __int__(self):
        with self._lock:
            return self._value

    def __repr__(self):
        return "AtomicCounter(%d)" % int(self)

    def __eq__(self, other):
        return int(self) == int(other)


counter = AtomicCounter()


def work():
    global counter
    for _ in range(1000):
        counter.increment()


threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
counter += 5
print(counter, int(counter), counter == 8005, f"{int(counter):,}")
