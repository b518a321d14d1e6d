# Modelled on job-status tracking with Enum and a dict guarded by a lock.
import threading
import time
from enum import Enum, auto


class Status(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()
    FAILED = auto()


jobs = {i: Status.PENDING for i in range(5)}
lock = threading.Lock()


def run(i):
    with lock:
        jobs[i] = Status.RUNNING
    time.sleep(0.01 * i)
    with lock:
        jobs[i] = Status.FAILED if i == 3 else Status.DONE


threads = [threading.Thread(target=run, args=(i,)) for i in jobs]
for t in threads:
    t.start()
for t in threads:
    t.join()
for i, s in jobs.items():
    print(i, s.name, s.value, s)
print({s.name: sum(1 for v in jobs.values() if v is s) for s in Status})
