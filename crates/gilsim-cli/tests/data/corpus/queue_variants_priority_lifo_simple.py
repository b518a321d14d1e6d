# Modelled on public queue-module tours: PriorityQueue order, a full LifoQueue, SimpleQueue, and a daemon consumer joined through task_done.
import threading
import queue
import random

random.seed(4)
pq = queue.PriorityQueue()
for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
    pq.put(item)
while not pq.empty():
    print(pq.get_nowait())
lq = queue.LifoQueue(maxsize=2)
lq.put(1); lq.put(2)
try:
    lq.put(3, timeout=0.01)
except queue.Full:
    print("full", lq.qsize(), lq.full())
print(lq.get(), lq.get())
try:
    lq.get(block=False)
except queue.Empty as e:
    print("empty", repr(e))
sq = queue.SimpleQueue()
sq.put("x")
print(sq.get(), sq.empty(), sq.qsize())
q = queue.Queue()
def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        print("got", item)
        q.task_done()
t = threading.Thread(target=consumer, daemon=True)
t.start()
for i in range(3):
    q.put(random.randint(1, 100))
q.put(None)
q.join()
print("all done", q.unfinished_tasks)
