# Modelled on latency benchmarks summarised with statistics. Sleeps of 0.1-0.4 s rounded to a
# tenth: a loaded machine's late wake-ups (tens of ms) cannot change what CPython prints.
import statistics
import threading
import time

latencies = []
lock = threading.Lock()


def request(i):
    start = time.monotonic()
    time.sleep(0.1 * (i % 4 + 1))
    elapsed = time.monotonic() - start
    with lock:
        latencies.append(round(elapsed, 1))


threads = [threading.Thread(target=request, args=(i,)) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("mean  ", round(statistics.mean(latencies), 3))
print("median", statistics.median(latencies))
print("stdev ", round(statistics.stdev(latencies), 4))
print("max   ", max(latencies))
