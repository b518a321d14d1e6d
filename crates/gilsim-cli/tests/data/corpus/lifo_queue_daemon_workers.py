# Modelled on LifoQueue examples with daemon workers and task_done/join.
import queue
import threading

stack = queue.LifoQueue()
seen = []
seen_lock = threading.Lock()

def worker():
    while True:
        item = stack.get()
        with seen_lock:
            seen.append(item)
        stack.task_done()

for item in range(10):
    stack.put(item)
for _ in range(3):
    threading.Thread(target=worker, daemon=True).start()
stack.join()
print(sorted(seen), stack.qsize(), stack.empty())
print(threading.active_count() >= 1)
