# Modelled on examples of a counter object whose += is made thread-safe with a lock
import threading

class SafeCounter:
    def __init__(self):
        self._value = 0
        self._lock = threading.Lock()
    def __iadd__(self, n):
        with self._lock:
            self._value += n
        return self
    def __int__(self):
        return self._value
    def __repr__(self):
        return 'SafeCounter(%d)' % self._value

counter = SafeCounter()
def work():
    global counter
    for _ in range(1000):
        counter += 1

ts = [threading.Thread(target=work) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(counter, int(counter), int(counter) == 4000)
