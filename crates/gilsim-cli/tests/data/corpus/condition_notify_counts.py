# Modelled on threading.Condition docs: wait_for a predicate, notify(n) then notify_all, wait timeouts, misuse errors.
import threading
import time

cond = threading.Condition()
ready = []
woken = []

def waiter(i):
    with cond:
        ready.append(i)
        cond.notify_all()
        got = cond.wait(timeout=1)
        woken.append((i, got))

ts = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for t in ts: t.start()
with cond:
    cond.wait_for(lambda: len(ready) == 4)
    cond.notify(2)
time.sleep(0.05)
with cond:
    print("after notify(2):", len(woken))
    cond.notify_all()
for t in ts: t.join()
print(sorted(woken))
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.wait(0.1)
except RuntimeError as e:
    print("RuntimeError:", e)
print(repr(threading.Condition(threading.Lock()))[:20])
