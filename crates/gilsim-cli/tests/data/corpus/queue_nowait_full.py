# Modelled on queue examples using put_nowait/get_nowait
import queue
import threading
import time

q = queue.Queue(maxsize=3)
dropped = []

def producer():
    for i in range(8):
        try:
            q.put_nowait(i)
        except queue.Full:
            dropped.append(i)
        time.sleep(0.02)

def consumer(out):
    time.sleep(0.1)
    while True:
        try:
            out.append(q.get_nowait())
        except queue.Empty:
            break

got = []
p = threading.Thread(target=producer)
p.start(); p.join()
c = threading.Thread(target=consumer, args=(got,))
c.start(); c.join()
print('got', got, 'dropped', dropped)
print(q.empty(), q.full(), q.qsize())
try:
    q.get(timeout=0.05)
except queue.Empty as e:
    print('empty:', repr(e))
