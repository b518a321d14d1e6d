# Modelled on worker loops that exit after queue.Empty on a timed get.
import queue
import threading
import time

tasks = queue.Queue()
done = []


def worker(name, patience):
    while True:
        try:
            item = tasks.get(timeout=patience)
        except queue.Empty:
            print(name, "idle, exiting")
            return
        time.sleep(0.05)
        done.append((item, name))
        tasks.task_done()


for i in range(6):
    tasks.put(i)
workers = [threading.Thread(target=worker, args=("w%d" % i, 0.2 + 0.1 * i)) for i in range(2)]
for w in workers:
    w.start()
tasks.join()
print("processed", sorted(i for i, _ in done))
for w in workers:
    w.join()
print("queue empty:", tasks.empty(), "size:", tasks.qsize())
