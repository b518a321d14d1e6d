# Modelled on public Condition.wait_for examples: waiting until a shared counter reaches a goal.
import threading

cond = threading.Condition()
counter = 0
order = []


def increment(n):
    global counter
    for _ in range(n):
        with cond:
            counter += 1
            cond.notify_all()


def waiter(goal):
    with cond:
        ok = cond.wait_for(lambda: counter >= goal, timeout=2)
        order.append((goal, ok))


waiters = [threading.Thread(target=waiter, args=(g,)) for g in (5, 10, 50)]
for w in waiters:
    w.start()
incs = [threading.Thread(target=increment, args=(5,)) for _ in range(3)]
for t in incs:
    t.start()
for t in incs + waiters:
    t.join()
print(counter, sorted(order))
