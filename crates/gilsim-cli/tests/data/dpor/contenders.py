# Three threads queue for one lock: which waiter a release wakes is a choice of its own.
import threading

gate = threading.Lock()
order = []


def enter(name):
    with gate:
        for _ in range(2):
            pass
        order.append(name)


guests = [threading.Thread(target=enter, args=(n,)) for n in "abc"]
for g in guests:
    g.start()
for g in guests:
    g.join()
print(order)
