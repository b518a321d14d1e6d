# Three philosophers eat twice each, taking the left fork, then the right.
import threading

forks = [threading.Lock() for _ in range(3)]


def dine(i):
    left, right = forks[i], forks[(i + 1) % 3]
    for _ in range(2):
        with left:
            with right:
                pass


table = [threading.Thread(target=dine, args=(i,)) for i in range(3)]
for p in table:
    p.start()
for p in table:
    p.join()
print("all ate")
