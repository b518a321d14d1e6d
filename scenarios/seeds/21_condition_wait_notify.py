# Seed notes 002, Condition: wait() releases the lock and blocks until notify(); notify() does
# not release the lock, so the woken thread returns from wait() only after the notifier
# leaves its `with` block. notify(n) wakes the n oldest waiters (FIFO), notify_all() the rest;
# wait_for() returns the predicate's last value; misuse raises RuntimeError.
# The two waiters woken together by notify(2) then compete for the lock: which returns first is
# the scheduler's choice (FIFO under fair; CPython: the OS, so real runs vary).
# gilsim: expect=ok
import threading
import time

cond = threading.Condition()
items = []
woken = []


def waiter(n):
    with cond:
        cond.wait()
        woken.append(n)
        print("waiter", n, "resumed; items =", items)


threads = []
for n in range(4):
    t = threading.Thread(target=waiter, args=(n,))
    t.start()
    threads.append(t)
    time.sleep(0.01)

with cond:
    items.append("first")
    cond.notify()
    print("notified one, still holding the lock")
time.sleep(0.1)
with cond:
    items.append("second")
    cond.notify(2)
time.sleep(0.1)
with cond:
    items.append("last")
    cond.notify_all()
for t in threads:
    t.join()
print("resume order:", woken)

with cond:
    print("wait(0.5) without notify:", cond.wait(0.5))
    print("wait_for returns the last predicate value:", repr(cond.wait_for(lambda: "", 0.2)))
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
