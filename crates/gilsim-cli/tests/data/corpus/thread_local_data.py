# Modelled on PyMOTW "threading_local_defaults": a local subclass with per-thread defaults.
import threading

results = {}
lock = threading.Lock()


class MyLocal(threading.local):
    def __init__(self, value):
        super().__init__()
        self.value = value


def worker(data, n):
    before = data.value
    data.value = n
    with lock:
        results[n] = (before, data.value)


local_data = MyLocal(1000)
worker(local_data, 0)
threads = [threading.Thread(target=worker, args=(local_data, i)) for i in range(1, 4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for k in sorted(results):
    print(k, results[k])
print("main still sees", local_data.value)
