# Modelled on examples showing Condition.wait(timeout) returning False on timeout
import threading
import time

cond = threading.Condition()
ready = False
log = []

def waiter(name, timeout):
    with cond:
        got = cond.wait_for(lambda: ready, timeout=timeout)
        log.append((name, got))
        r = cond.wait(0.01)
        log.append((name + '-again', r))

ts = [threading.Thread(target=waiter, args=('short', 0.05)), threading.Thread(target=waiter, args=('long', 1.0))]
for t in ts: t.start()
time.sleep(0.2)
with cond:
    ready = True
    cond.notify_all()
for t in ts: t.join()
print(sorted(log))
