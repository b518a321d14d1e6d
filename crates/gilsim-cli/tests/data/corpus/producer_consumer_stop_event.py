# Modelled on public producer/consumer examples that stop consumers with an Event and get(timeout=).
import queue
import threading
import time

q = queue.Queue(maxsize=3)
stop = threading.Event()
consumed = []


def producer():
    for i in range(8):
        q.put(i)
        time.sleep(0.01)
    stop.set()


def consumer(name):
    while not stop.is_set() or not q.empty():
        try:
            item = q.get(timeout=0.05)
        except queue.Empty:
            continue
        consumed.append((name, item))
        q.task_done()


p = threading.Thread(target=producer)
cs = [threading.Thread(target=consumer, args=("c%d" % i,)) for i in range(2)]
p.start()
for c in cs:
    c.start()
p.join()
for c in cs:
    c.join()
print(sorted(item for _, item in consumed), q.qsize())
