# Modelled on examples of Lock.acquire(timeout=...) to give up instead of waiting forever.
import threading
import time

lock = threading.Lock()
events = []


def holder():
    with lock:
        events.append("holder has the lock")
        time.sleep(0.2)
    events.append("holder released")


def impatient():
    time.sleep(0.05)
    if lock.acquire(timeout=0.05):
        events.append("impatient got it")
        lock.release()
    else:
        events.append("impatient gave up")


def patient():
    time.sleep(0.05)
    if lock.acquire(timeout=1):
        events.append("patient got it")
        lock.release()


threads = [threading.Thread(target=f) for f in (holder, impatient, patient)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(events)
