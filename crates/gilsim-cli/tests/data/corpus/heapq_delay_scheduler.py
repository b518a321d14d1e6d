# Modelled on public "simple scheduler" examples: a heap of (time, name) jobs run by a thread.
import heapq
import threading
import time

jobs = []
for delay, name in [(0.3, "backup"), (0.1, "email"), (0.2, "report")]:
    heapq.heappush(jobs, (delay, name))
ran = []
start = time.monotonic()


def scheduler():
    while jobs:
        due, name = heapq.heappop(jobs)
        wait = due - (time.monotonic() - start)
        if wait > 0:
            time.sleep(wait)
        ran.append((name, round(time.monotonic() - start, 1)))


t = threading.Thread(target=scheduler)
t.start()
t.join()
print(ran, heapq.nsmallest(2, [5, 1, 4, 2]), heapq.nlargest(1, [5, 1, 4]))
