# Modelled on dining philosophers solutions that back off with acquire(blocking=False)
import threading
import time
import random

N = 5
forks = [threading.Lock() for _ in range(N)]
meals = [0] * N

def philosopher(i):
    rnd = random.Random(i)
    left, right = forks[i], forks[(i + 1) % N]
    while meals[i] < 3:
        with left:
            if right.acquire(blocking=False):
                try:
                    meals[i] += 1
                    time.sleep(0.01)
                finally:
                    right.release()
        time.sleep(rnd.uniform(0.001, 0.005))

ts = [threading.Thread(target=philosopher, args=(i,)) for i in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print(meals)
