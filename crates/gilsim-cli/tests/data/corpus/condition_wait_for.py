# Modelled on Condition.wait_for consumers with timeouts.
import threading
import time

cond = threading.Condition()
inventory = []


def consumer(name, want):
    with cond:
        ok = cond.wait_for(lambda: len(inventory) >= want, timeout=0.5)
        if ok:
            taken = [inventory.pop(0) for _ in range(want)]
            print(name, "took", taken)
        else:
            print(name, "gave up waiting; stock", len(inventory))


def producer():
    for i in range(5):
        time.sleep(0.05)
        with cond:
            inventory.append(i)
            cond.notify_all()


c1 = threading.Thread(target=consumer, args=("small", 2))
c2 = threading.Thread(target=consumer, args=("huge", 10))
p = threading.Thread(target=producer)
for t in (c1, c2, p):
    t.start()
for t in (c1, c2, p):
    t.join()
print("left:", inventory)
