# Modelled on merging sorted results from worker threads with heapq.merge and nlargest.
import heapq
import random
import threading

results = [None] * 3


def produce(i):
    rng = random.Random(i * 7)
    results[i] = sorted(rng.randint(0, 100) for _ in range(6))


threads = [threading.Thread(target=produce, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for r in results:
    print(r)
merged = list(heapq.merge(*results))
print(merged)
print(heapq.nlargest(3, merged), heapq.nsmallest(2, merged))
