# Modelled on tutorials that write a tiny line profiler with sys.settrace: each worker thread
# installs the tracer, which counts the lines it executes per function.
import sys
import threading
from collections import Counter, defaultdict

hits = defaultdict(Counter)
lock = threading.Lock()


def tracer(frame, event, arg):
    if event == "call":
        return tracer
    if event == "line":
        with lock:
            hits[frame.f_code.co_name][frame.f_lineno] += 1
    return tracer


def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def count_primes(lo, hi, out):
    sys.settrace(tracer)
    try:
        out.append(sum(1 for n in range(lo, hi) if is_prime(n)))
    finally:
        sys.settrace(None)


results = []
workers = [threading.Thread(target=count_primes, args=(i * 50, (i + 1) * 50, results)) for i in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("primes below 150:", sum(results))
for name in sorted(hits):
    lines = hits[name]
    print(name, "lines:", dict(sorted(lines.items())), "total:", sum(lines.values()))
