# Modelled on simulations that seed random for reproducible worker delays.
import random
import threading
import time

random.seed(507129)
delays = [round(random.uniform(0.01, 0.05), 4) for _ in range(4)]
print(delays)
print(random.randint(1, 100), random.choice("abcdef"), random.sample(range(10), 3))
items = list(range(8))
random.shuffle(items)
print(items)
finished = []


def worker(i, d):
    time.sleep(d)
    finished.append(i)


threads = [threading.Thread(target=worker, args=(i, d)) for i, d in enumerate(delays)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(finished))
