# Modelled on limiting concurrent "downloads" with a Semaphore and reporting max concurrency.
import threading
import time

limit = threading.Semaphore(3)
active = 0
peak = 0
lock = threading.Lock()


def download(i):
    global active, peak
    with limit:
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.02)
        with lock:
            active -= 1


threads = [threading.Thread(target=download, args=(i,)) for i in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("peak concurrency:", peak, "active now:", active)
