# Modelled on timing examples: perf_counter per job, statistics over the durations.
import threading
import time
import statistics
import random

random.seed(7)
durations = []
lock = threading.Lock()


def job(i, d):
    start = time.perf_counter()
    time.sleep(d)
    elapsed = time.perf_counter() - start
    with lock:
        durations.append(round(elapsed, 2))


ds = [random.choice([0.01, 0.02, 0.03]) for _ in range(8)]
threads = [threading.Thread(target=job, args=(i, d)) for i, d in enumerate(ds)]
t0 = time.monotonic()
for t in threads:
    t.start()
for t in threads:
    t.join()
total = time.monotonic() - t0
print(sorted(durations))
print(f"mean={statistics.mean(durations):.3f} median={statistics.median(durations)} max={max(durations)}")
print("parallel" if total < sum(ds) else "serial")
print(random.random(), random.randint(1, 100), random.sample(range(10), 3), random.uniform(1, 2))
lst = list(range(10)); random.shuffle(lst); print(lst)
print(random.gauss(0, 1), random.choices("abc", k=5), random.randrange(0, 100, 5))
