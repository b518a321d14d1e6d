# Modelled on the queue module docs example: daemon workers, task_done and join.
import threading
import queue

q = queue.Queue()
processed = []


def worker():
    while True:
        item = q.get()
        processed.append(item * 2)
        q.task_done()


for _ in range(3):
    threading.Thread(target=worker, daemon=True).start()
for item in range(10):
    q.put(item)
q.join()
print("All work completed", sorted(processed))
print(q.unfinished_tasks, q.qsize(), q.empty())
