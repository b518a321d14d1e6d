# Modelled on "exchange objects between processes with a Queue" from the docs.
from multiprocessing import Process, Queue


def worker(q, n):
    q.put([n, None, "hello from %d" % n])


if __name__ == "__main__":
    q = Queue()
    procs = [Process(target=worker, args=(q, i)) for i in range(3)]
    for p in procs:
        p.start()
    results = sorted(q.get() for _ in procs)
    for p in procs:
        p.join()
    print(results)
    print([p.exitcode for p in procs])
