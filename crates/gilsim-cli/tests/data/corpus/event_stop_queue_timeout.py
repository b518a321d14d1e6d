# Modelled on worker loops that poll a queue with a timeout until a stop event is set
import queue
import threading
import time

tasks = queue.Queue()
stop = threading.Event()
done = []
lock = threading.Lock()

def worker(n):
    while not stop.is_set():
        try:
            item = tasks.get(timeout=0.05)
        except queue.Empty:
            continue
        time.sleep(0.01)
        with lock:
            done.append((item, n))
        tasks.task_done()

ws = [threading.Thread(target=worker, args=(n,)) for n in range(3)]
for w in ws:
    w.start()
for i in range(9):
    tasks.put(i)
tasks.join()
stop.set()
for w in ws:
    w.join()
print(sorted(i for i, _ in done), len(done), all(not w.is_alive() for w in ws))
