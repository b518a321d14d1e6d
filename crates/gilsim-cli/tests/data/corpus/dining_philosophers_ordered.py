# Modelled on Rosetta Code's "Dining philosophers" (resource ordering avoids deadlock).
import threading

N = 5
forks = [threading.Lock() for _ in range(N)]
meals = [0] * N


def philosopher(i):
    first, second = sorted((i, (i + 1) % N))
    for _ in range(20):
        with forks[first]:
            with forks[second]:
                meals[i] += 1


threads = [threading.Thread(target=philosopher, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("meals:", meals)
