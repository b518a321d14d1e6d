# Two workers drain a queue.Queue and log as they go: a program whose imports (logging,
# queue) cost far more than its threads' work, as many real threaded scripts do. The
# explore benchmark's second case (bench/explore.sh).
import logging
import queue
import threading

logging.basicConfig(level=logging.INFO, format="%(threadName)s %(message)s")
jobs = queue.Queue()
done = []


def worker():
    while True:
        item = jobs.get()
        if item is None:
            break
        done.append(item * 2)
        jobs.task_done()


workers = [threading.Thread(target=worker) for _ in range(2)]
for w in workers:
    w.start()
for i in range(4):
    jobs.put(i)
for w in workers:
    jobs.put(None)
for w in workers:
    w.join()
logging.info("done %d", sum(done))
