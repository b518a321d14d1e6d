# Modelled on queue.SimpleQueue usage with worker threads and sentinels.
import queue
import threading

q = queue.SimpleQueue()
out = []
out_lock = threading.Lock()


def worker(n):
    while True:
        item = q.get()
        if item is None:
            break
        with out_lock:
            out.append(item ** 2)


ws = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for w in ws:
    w.start()
for i in range(10):
    q.put(i)
for _ in ws:
    q.put(None)
for w in ws:
    w.join()
print(sorted(out), q.empty(), q.qsize())
