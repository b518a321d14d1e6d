# Modelled on examples that collect ids from threads into sets and compare them with set
# algebra; sets of small ints print in CPython's order.
import threading

evens, odds, seen = set(), set(), set()
lock = threading.Lock()


def classify(start):
    for n in range(start, start + 5):
        with lock:
            seen.add(n)
            (evens if n % 2 == 0 else odds).add(n)


threads = [threading.Thread(target=classify, args=(k * 5,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(evens)
print(odds)
print(seen - evens == odds, evens & odds, {n for n in seen if n % 7 == 0}, len(seen ^ set(range(25))))
