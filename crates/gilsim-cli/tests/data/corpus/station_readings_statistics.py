# Modelled on sensor-aggregation examples: threads append readings to a defaultdict under a lock.
# Sensor readings aggregated by threads: defaultdict of lists, statistics, min/max by key,
# sorted with multiple keys, formatted table.
import threading
import random
import statistics
from collections import defaultdict

random.seed(11)
readings = defaultdict(list)
lock = threading.Lock()


def station(name, n):
    rng = random.Random(name)
    for _ in range(n):
        value = round(rng.uniform(-5, 35), 1)
        with lock:
            readings[name].append(value)


names = ["oslo", "lima", "cairo", "perth"]
threads = [threading.Thread(target=station, args=(n, 6)) for n in names]
for t in threads:
    t.start()
for t in threads:
    t.join()

rows = []
for name, values in readings.items():
    rows.append((name, min(values), max(values), statistics.mean(values), statistics.pstdev(values)))
rows.sort(key=lambda r: (-r[3], r[0]))
print(f"{'station':<8} {'min':>6} {'max':>6} {'mean':>7} {'sd':>6}")
for name, lo, hi, mean, sd in rows:
    print(f"{name:<8} {lo:>6.1f} {hi:>6.1f} {mean:>7.2f} {sd:>6.2f}")
hottest = max(readings, key=lambda k: max(readings[k]))
print("hottest:", hottest, dict(sorted((k, len(v)) for k, v in readings.items())))
print(statistics.median([v for vs in readings.values() for v in vs]), statistics.mode([1, 1, 2]))
print(random.random(), random.Random(5).randint(1, 6), random.Random("x").choice(names))
