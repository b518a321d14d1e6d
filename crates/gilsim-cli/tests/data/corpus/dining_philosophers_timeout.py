# Modelled on dining philosophers solutions that back off with acquire(timeout=...).
import threading
import time

N = 5
forks = [threading.Lock() for _ in range(N)]
meals = [0] * N
print_lock = threading.Lock()


def philosopher(i):
    left, right = forks[i], forks[(i + 1) % N]
    while meals[i] < 3:
        with left:
            if right.acquire(timeout=0.01):
                try:
                    meals[i] += 1
                    time.sleep(0.001)
                finally:
                    right.release()
        time.sleep(0.002 * (i + 1))


threads = [threading.Thread(target=philosopher, args=(i,), name=f"P{i}") for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("meals:", meals)
print("all fed:", all(m == 3 for m in meals))
