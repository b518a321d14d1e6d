# Three threads add 1 five times, under a lock except once, when they read and store
# the total apart. Fails on an assertion when an update is lost.
# Bench: runs to the first failure (bench/find.sh).
import threading

total = 0
lock = threading.Lock()


def add(n):
    global total
    for i in range(n):
        if i == 3:
            value = total
            total = value + 1
        else:
            with lock:
                total += 1


threads = [threading.Thread(target=add, args=(5,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert total == 15, total
