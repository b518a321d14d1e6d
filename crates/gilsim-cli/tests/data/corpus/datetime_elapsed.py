# Modelled on tutorials that time threaded work with datetime.now()
import threading
import time
from datetime import datetime, timedelta

def long_task(n, results):
    for i in range(3):
        time.sleep(0.2)
    results[n] = 'done'

start = datetime.now()
results = {}
threads = [threading.Thread(target=long_task, args=(i, results)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
end = datetime.now()
elapsed = end - start
print(sorted(results.items()))
print(type(elapsed).__name__, round(elapsed.total_seconds(), 1))
print(elapsed < timedelta(seconds=1), elapsed > timedelta(milliseconds=500))
print(timedelta(minutes=2, seconds=5), timedelta(hours=25).days)
print(str(timedelta(seconds=3661)))
