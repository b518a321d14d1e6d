# Modelled on bounded Queue examples where put() blocks until the consumer catches up.
import queue
import threading
import time

q = queue.Queue(maxsize=2)
events = []


def producer():
    for i in range(5):
        q.put(i)
        events.append("put %d (size %d)" % (i, q.qsize()))
    q.put(None)


def consumer():
    while True:
        time.sleep(0.05)
        item = q.get()
        if item is None:
            break
        events.append("got %d" % item)


threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("\n".join(events))
try:
    q.put_nowait(1)
    q.put_nowait(2)
    q.put_nowait(3)
except queue.Full:
    print("queue.Full after", q.qsize())
