# Modelled on download limiters with BoundedSemaphore.
import threading
import time

pool = threading.BoundedSemaphore(value=2)
active = 0
peak = 0
counter_lock = threading.Lock()


def download(i):
    global active, peak
    with pool:
        with counter_lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.1)
        with counter_lock:
            active -= 1
    return i


threads = [threading.Thread(target=download, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"peak concurrency: {peak}")
try:
    pool.release()
except ValueError as e:
    print("ValueError:", e)
