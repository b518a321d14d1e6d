# Modelled on task-queue examples that carry work items as dataclasses.
import queue
import threading
from dataclasses import dataclass, field


@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)
    done: bool = field(default=False, compare=False)


tasks = queue.PriorityQueue()
for prio, name in [(3, "write"), (1, "read"), (2, "parse")]:
    tasks.put(Task(prio, name))
finished = []


def worker():
    while True:
        try:
            task = tasks.get_nowait()
        except queue.Empty:
            return
        task.done = True
        finished.append(task)


t = threading.Thread(target=worker)
t.start()
t.join()
print([t.name for t in finished])
print(finished[0])
