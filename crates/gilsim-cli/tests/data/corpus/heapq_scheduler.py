# Modelled on simple job schedulers that keep a heap of (time, job) and run it in a thread.
import heapq
import threading
import time

jobs = []
for delay, name in [(0.3, "backup"), (0.1, "email"), (0.2, "report")]:
    heapq.heappush(jobs, (delay, name))
log = []


def scheduler():
    start = time.monotonic()
    while jobs:
        when, name = heapq.heappop(jobs)
        wait = when - (time.monotonic() - start)
        if wait > 0:
            time.sleep(wait)
        log.append(name)


t = threading.Thread(target=scheduler)
t.start()
t.join()
print(log)
print(heapq.nlargest(2, [5, 1, 8, 3]), heapq.nsmallest(2, [5, 1, 8, 3]))
