# Modelled on the queue documentation's PriorityQueue with dataclass items.
import queue
import threading
from dataclasses import dataclass, field
from typing import Any


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    payload: Any = field(default=None, compare=False)


q = queue.PriorityQueue()
for job in [Job(3, "backup"), Job(1, "alert", {"level": "high"}), Job(2, "email"), Job(1, "page")]:
    q.put(job)


def worker():
    while not q.empty():
        job = q.get()
        print(f"{job.priority} {job.name:<7} {job.payload}")
        q.task_done()


t = threading.Thread(target=worker)
t.start()
q.join()
t.join()
print(Job(1, "x") == Job(1, "y"), Job(1, "x") < Job(2, "a"))
print(repr(Job(5, "z")))
