# Modelled on public rate-limiting examples: at most N concurrent jobs, timestamps on a virtual clock.
import threading
import time

limit = threading.Semaphore(2)
start = time.monotonic()
spans = []
lock = threading.Lock()


def job(n):
    with limit:
        began = round(time.monotonic() - start, 1)
        time.sleep(0.1)
        with lock:
            spans.append((n, began))


threads = [threading.Thread(target=job, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
by_start = {}
for n, began in spans:
    by_start.setdefault(began, []).append(n)
print(sorted((k, len(v)) for k, v in by_start.items()))
