# Two consumers test `q.empty()` before a non-blocking get: both can see the last item, and
# the second get raises queue.Empty in its thread.
# Bench: runs to the first failure (bench/find.sh).
import queue
import threading

q = queue.Queue()
for n in range(3):
    q.put(n)


def drain():
    while not q.empty():
        q.get(block=False)
        q.task_done()


threads = [threading.Thread(target=drain) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("drained", q.qsize())
