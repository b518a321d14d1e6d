# Modelled on multiprocessing tutorials that collect worker results through a Queue.
import multiprocessing as mp

def worker(num, out):
    total = sum(i * num for i in range(1000))
    out.put((num, total))

if __name__ == "__main__":
    q = mp.Queue()
    procs = [mp.Process(target=worker, args=(n, q)) for n in range(4)]
    for p in procs:
        p.start()
    results = [q.get() for _ in procs]
    for p in procs:
        p.join()
    for num, total in sorted(results):
        print(num, total)
    print([p.exitcode for p in procs])
