# Modelled on the queue.Queue producer/consumer example in the Python documentation
# (queue module, "task_done" worker pattern).
import queue
import threading

q = queue.Queue()
results = []
results_lock = threading.Lock()


def worker():
    while True:
        item = q.get()
        with results_lock:
            results.append(item * item)
        q.task_done()


for _ in range(3):
    threading.Thread(target=worker, daemon=True).start()

for item in range(20):
    q.put(item)

q.join()
print("All work completed")
print(sorted(results))
