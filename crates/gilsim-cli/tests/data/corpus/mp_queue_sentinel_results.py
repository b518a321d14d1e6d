# Modelled on multiprocessing tutorials: named consumer processes passing a None sentinel on, results on a second Queue under a Lock.
import multiprocessing as mp
import time


def producer(q, n):
    for i in range(n):
        q.put(("item", i))
        time.sleep(0.001)
    q.put(None)


def consumer(q, out, lock):
    name = mp.current_process().name
    while True:
        msg = q.get()
        if msg is None:
            q.put(None)
            break
        with lock:
            out.put((name, msg[1] ** 2))


if __name__ == "__main__":
    q = mp.Queue()
    out = mp.Queue()
    lock = mp.Lock()
    procs = [mp.Process(target=consumer, args=(q, out, lock), name=f"C{i}") for i in range(2)]
    prod = mp.Process(target=producer, args=(q, 6))
    for p in procs + [prod]:
        p.start()
    for p in procs + [prod]:
        p.join()
    results = []
    while not out.empty():
        results.append(out.get())
    print(sorted(r[1] for r in results), len(results))
    print([p.exitcode for p in procs], prod.name, mp.active_children())
    print(q.get(), q.empty() or q.qsize() >= 0)
