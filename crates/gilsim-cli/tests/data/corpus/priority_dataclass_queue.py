# Modelled on the queue docs' PrioritizedItem recipe: dataclass(order=True) with an uncompared field.
from dataclasses import dataclass, field
from typing import Any
import queue
import threading


@dataclass(order=True)
class PrioritizedItem:
    priority: int
    item: Any = field(compare=False)


q = queue.PriorityQueue()
for prio, name in [(5, "low"), (1, "urgent"), (3, "normal"), (1, "also urgent")]:
    q.put(PrioritizedItem(prio, name))
order = []


def worker():
    while not q.empty():
        try:
            entry = q.get_nowait()
        except queue.Empty:
            break
        order.append((entry.priority, entry.item))
        q.task_done()


t = threading.Thread(target=worker)
t.start()
t.join()
print(order)
print(PrioritizedItem(2, "x") < PrioritizedItem(3, "a"), PrioritizedItem(1, "z"))
