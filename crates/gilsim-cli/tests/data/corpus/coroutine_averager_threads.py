# Delegating generators (PEP 380) fed by worker threads: each worker drives a
# coroutine-style averager through a delegating generator with send(), and the
# delegator stores what the averager returns.
import threading
from collections import namedtuple

Summary = namedtuple("Summary", "count mean")


def averager():
    total = 0.0
    count = 0
    mean = None
    while True:
        value = yield mean
        if value is None:
            break
        total += value
        count += 1
        mean = total / count
    return Summary(count, mean)


def grouper(results, key):
    while True:
        results[key] = yield from averager()


readings = {
    "kitchen": [21.5, 22.0, 22.4],
    "garage": [9.0, 8.5],
    "attic": [30.1, 29.9, 31.0, 30.5],
}
results = {}
lock = threading.Lock()


def drive(key, values):
    group = grouper(results, key)
    next(group)
    for v in values:
        running = group.send(v)
    with lock:
        print(f"{key}: last running mean {running:.2f}")
        group.send(None)


threads = [threading.Thread(target=drive, args=item) for item in sorted(readings.items())]
for t in threads:
    t.start()
for t in threads:
    t.join()
for key in sorted(results):
    s = results[key]
    print(f"{key:8} {s.count} readings, mean {s.mean:.2f}")
