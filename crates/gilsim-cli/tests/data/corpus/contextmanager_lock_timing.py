# Modelled on examples that time critical sections with a contextmanager around a lock.
import contextlib
import threading
import time

lock = threading.Lock()
timings = {}


@contextlib.contextmanager
def timed(name):
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[name] = round(time.perf_counter() - start, 1)


def task(name, delay):
    with timed(name):
        with lock:
            time.sleep(delay)


threads = [threading.Thread(target=task, args=("t%d" % i, 0.2)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(timings.values()))
with contextlib.suppress(KeyError):
    print({}["missing"])
print("suppressed")
