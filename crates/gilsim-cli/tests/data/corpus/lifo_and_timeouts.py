# Modelled on queue module examples: LifoQueue order, Full and Empty with timeouts.
import queue
import threading

lifo = queue.LifoQueue()
for i in range(5):
    lifo.put(i)
print([lifo.get() for _ in range(5)])

bounded = queue.Queue(maxsize=1)
bounded.put("x")
try:
    bounded.put("y", timeout=0.1)
except queue.Full:
    print("full after timeout")

empty = queue.Queue()
try:
    empty.get(timeout=0.1)
except queue.Empty:
    print("empty after timeout")

result = []
t = threading.Thread(target=lambda: result.append(bounded.get()))
t.start()
t.join()
print(result, bounded.qsize(), bounded.empty())
