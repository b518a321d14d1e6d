# Modelled on PyMOTW multiprocessing_queue: a JoinableQueue of jobs with None poison pills, results on a second Queue.
import multiprocessing

def consumer(q, results):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        results.put(item * 10)
        q.task_done()

if __name__ == "__main__":
    q = multiprocessing.JoinableQueue()
    results = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=consumer, args=(q, results)) for _ in range(2)]
    for p in procs:
        p.start()
    for i in range(10):
        q.put(i)
    for _ in procs:
        q.put(None)
    q.join()
    out = sorted(results.get() for _ in range(10))
    print(out)
    for p in procs:
        p.join()
        print(p.exitcode, p.is_alive())
