# Modelled on the queue documentation's PriorityQueue with an ordered dataclass.
import threading, queue
from dataclasses import dataclass, field
from typing import Any

@dataclass(order=True)
class Job:
    priority: int
    description: Any = field(compare=False)

q = queue.PriorityQueue()
for p, d in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
    q.put(Job(p, d))

def worker():
    while True:
        try:
            job = q.get_nowait()
        except queue.Empty:
            break
        print("processing", job)
        q.task_done()

t = threading.Thread(target=worker)
t.start()
t.join()
q.join()
print("all done", q.empty())
