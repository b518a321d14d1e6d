# Consumers wait with `if`, not `while`: woken by notify_all, both pop, and the second finds
# the list empty (IndexError in its thread). Needs both consumers waiting before the put.
# Bench: runs to the first failure (bench/find.sh).
import threading

items = []
cond = threading.Condition()


def consumer():
    with cond:
        if not items:
            cond.wait()
        items.pop()


def producer():
    with cond:
        items.append("job")
        cond.notify_all()


threads = [threading.Thread(target=consumer) for _ in range(2)] + [threading.Thread(target=producer)]
for t in threads:
    t.start()
with cond:
    items.append("late job")
    cond.notify_all()
for t in threads:
    t.join()
