# Modelled on tutorials that probe lock state: RLock._is_owned, locked(), over-release errors.
import threading

r = threading.RLock()
print(r._is_owned())
with r:
    print(r._is_owned())
    with r:
        print(repr(r).split(" object at")[0].split(" owner=")[0])
c = threading.Condition()
with c:
    print(c._is_owned())
lk = threading.Lock()
print(lk.locked(), lk.acquire(False), lk.locked(), lk.acquire(blocking=False))
lk.release()
try:
    lk.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
s = threading.BoundedSemaphore(2)
s.acquire(); s.release()
try:
    s.release()
except ValueError as e:
    print("ValueError:", e)
e = threading.Event()
print(e.is_set(), e.wait(0.01), e.isSet())
b = threading.Barrier(1)
print(b.parties, b.n_waiting, b.broken, b.wait())
