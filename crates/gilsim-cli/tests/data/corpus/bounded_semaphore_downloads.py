# Modelled on BoundedSemaphore download limiters and over-release errors.
import threading
import time
import random

random.seed(3)
pool = threading.BoundedSemaphore(2)
active = []
lock = threading.Lock()
maxseen = [0]

def download(i):
    with pool:
        with lock:
            active.append(i)
            maxseen[0] = max(maxseen[0], len(active))
        time.sleep(random.choice([0.1, 0.2, 0.3]))
        with lock:
            active.remove(i)

ts = [threading.Thread(target=download, args=(i,)) for i in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print("max concurrent", maxseen[0])
try:
    pool.release()
except ValueError as e:
    print("ValueError:", e)
