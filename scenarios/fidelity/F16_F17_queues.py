# F16 queue errors and orders, F17 join with sentinels.
# gilsim: expect=ok
import queue
import threading

q = queue.Queue(1)
q.put(1)
try:
    q.put_nowait(2)
except queue.Full:
    print("Full")
q.get()
try:
    q.get_nowait()
except queue.Empty as e:
    print("Empty", type(e).__module__)
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
q.task_done()
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)
lifo = queue.LifoQueue()
prio = queue.PriorityQueue()
for n in (3, 1, 2):
    lifo.put(n)
    prio.put(n)
print([lifo.get() for _ in range(3)], [prio.get() for _ in range(3)])
queue.Queue(0).put("x", timeout=-1)
print("Queue(0).put(timeout=-1) accepted")

work = queue.Queue()
seen = []


def worker():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            return
        seen.append(item)
        work.task_done()


workers = [threading.Thread(target=worker) for _ in range(2)]
for w in workers:
    w.start()
for item in list(range(5)) + [None, None]:
    work.put(item)
work.join()
print(sorted(seen), work.unfinished_tasks)
