# Modelled on latency benchmarks summarised with statistics.
import statistics
import threading
import time

latencies = []
lock = threading.Lock()


def request(i):
    start = time.monotonic()
    time.sleep(0.01 * (i % 4 + 1))
    elapsed = time.monotonic() - start
    with lock:
        latencies.append(round(elapsed, 2))


threads = [threading.Thread(target=request, args=(i,)) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("mean  ", round(statistics.mean(latencies), 3))
print("median", statistics.median(latencies))
print("stdev ", round(statistics.stdev(latencies), 4))
print("max   ", max(latencies))
