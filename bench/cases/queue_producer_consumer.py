# Benchmark case: queue.Queue(100) between a producer and a consumer thread, 5·10^4 items.
import queue
import threading

q = queue.Queue(100)
N = 50000


def producer():
    for i in range(N):
        q.put(i)
    q.put(None)


def consumer(out):
    total = 0
    while True:
        item = q.get()
        if item is None:
            break
        total += item
    out.append(total)


out = []
threads = [threading.Thread(target=producer), threading.Thread(target=consumer, args=(out,))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(out[0])
