# gilsim: expect=hang
# Hang: main waits in Queue.join() for every item to be marked done, but the worker skips
# task_done() for odd items. The unfinished-task count never reaches zero; the daemon worker
# sits in get() and main in join().
import queue
import threading

work = queue.Queue()


def worker():
    while True:
        item = work.get()
        print("worker: handled", item)
        if item % 2 == 0:
            work.task_done()


threading.Thread(target=worker, name="worker", daemon=True).start()
for item in range(4):
    work.put(item)
work.join()
print("never printed")
