# Modelled on a timing decorator (functools.wraps) applied to thread targets.
import functools
import threading
import time

durations = {}


def timed(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            durations[func.__name__ + str(args)] = round(time.perf_counter() - start, 1)
    return wrapper


@timed
def slow_task(n):
    """Sleep n tenths of a second."""
    time.sleep(n / 10)
    return n


threads = [threading.Thread(target=slow_task, args=(n,)) for n in (1, 3, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(durations.items()))
print(slow_task.__name__, slow_task.__doc__, slow_task.__wrapped__.__name__)
