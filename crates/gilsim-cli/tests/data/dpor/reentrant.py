# An RLock taken twice and a semaphore of one guard a shared total.
import threading

guard = threading.RLock()
slots = threading.Semaphore(1)
total = [0]


def add(n):
    with guard:
        with guard:
            total[0] += n
    with slots:
        total[0] *= 2


adders = [threading.Thread(target=add, args=(n,)) for n in (1, 10)]
for a in adders:
    a.start()
for a in adders:
    a.join()
print(total[0])
