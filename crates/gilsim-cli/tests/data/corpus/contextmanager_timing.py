# Modelled on public examples timing blocks with a contextmanager and time.perf_counter.
import contextlib
import threading
import time

timings = {}
lock = threading.Lock()


@contextlib.contextmanager
def timed(label):
    start = time.perf_counter()
    try:
        yield
    finally:
        with lock:
            timings[label] = round(time.perf_counter() - start, 1)


def job(label, seconds):
    with timed(label):
        time.sleep(seconds)


threads = [threading.Thread(target=job, args=("job%d" % i, 0.1 * (i + 1))) for i in range(3)]
with timed("all"):
    for t in threads:
        t.start()
    for t in threads:
        t.join()
print(sorted(timings.items()))
