# Modelled on public multi-stage pipeline examples with a sentinel object passed downstream.
import threading
import queue

SENTINEL = object()


def stage(fn, inq, outq):
    while True:
        item = inq.get()
        if item is SENTINEL:
            outq.put(SENTINEL)
            break
        outq.put(fn(item))


q1, q2, q3 = queue.Queue(), queue.Queue(maxsize=2), queue.Queue()
t1 = threading.Thread(target=stage, args=(lambda x: x * 3, q1, q2))
t2 = threading.Thread(target=stage, args=(lambda x: f"<{x}>", q2, q3))
t1.start()
t2.start()
for i in range(6):
    q1.put(i)
q1.put(SENTINEL)
out = []
while True:
    item = q3.get()
    if item is SENTINEL:
        break
    out.append(item)
t1.join()
t2.join()
print(", ".join(out))
print(q1.empty(), q2.empty(), q3.empty(), q2.maxsize)
