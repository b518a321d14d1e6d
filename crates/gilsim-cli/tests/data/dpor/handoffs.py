# A queue, a condition and an event hand work between three threads.
import queue
import threading

jobs = queue.Queue()
ready = threading.Event()
cond = threading.Condition()
results = []


def producer():
    for n in range(2):
        jobs.put(n)
    ready.set()


def consumer():
    ready.wait()
    while not jobs.empty():
        n = jobs.get()
        with cond:
            results.append(n)
            cond.notify()


def watcher():
    with cond:
        while len(results) < 2:
            cond.wait()
    print("watched", results)


threads = [threading.Thread(target=f) for f in (producer, consumer, watcher)]
for t in threads:
    t.start()
for t in threads:
    t.join()
