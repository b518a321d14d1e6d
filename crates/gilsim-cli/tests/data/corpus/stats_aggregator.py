# Modelled on public sensor-aggregation examples: threads push readings, main reports statistics.
import threading
import random
import statistics

readings = {}
lock = threading.Lock()


def sensor(name, seed):
    rng = random.Random(seed)
    values = [round(rng.gauss(20.0, 2.5), 2) for _ in range(8)]
    with lock:
        readings[name] = values


threads = [threading.Thread(target=sensor, args=("s%d" % i, i)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for name in sorted(readings):
    v = readings[name]
    print(f"{name}: mean={statistics.mean(v):.3f} median={statistics.median(v)} stdev={statistics.stdev(v):.4f}")
allv = [x for v in readings.values() for x in v]
print(min(allv), max(allv), round(sum(allv) / len(allv), 4))
print(statistics.mode([round(x) for x in allv]))
