# Modelled on threading docs on Semaphore and BoundedSemaphore: their errors, then a pool of three slots.
import threading

bs = threading.BoundedSemaphore(2)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError:", e)
s = threading.Semaphore(0)
print(s.acquire(timeout=0.01), s.acquire(blocking=False))
s.release(3)
print([s.acquire(False) for _ in range(4)])
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    s.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
active = []
peak = [0]
lk = threading.Lock()
pool = threading.BoundedSemaphore(3)

def use(i):
    with pool:
        with lk:
            active.append(i)
            peak[0] = max(peak[0], len(active))
        threading.Event().wait(0.01)
        with lk:
            active.remove(i)

ts = [threading.Thread(target=use, args=(i,)) for i in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print("peak", peak[0], "left", active)
