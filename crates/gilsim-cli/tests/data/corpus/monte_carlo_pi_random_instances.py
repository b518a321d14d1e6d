# Modelled on "estimate pi with threads", each thread with its own random.Random.
import random
import threading

results = {}


def estimate(name, seed, n):
    rng = random.Random(seed)
    inside = 0
    for _ in range(n):
        x, y = rng.random(), rng.random()
        if x * x + y * y <= 1.0:
            inside += 1
    results[name] = inside


threads = [threading.Thread(target=estimate, args=("t%d" % i, i, 2000)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for name in sorted(results):
    print(name, results[name])
total = sum(results.values())
print("pi ~ %.4f" % (4.0 * total / 8000))
