# Modelled on the multiprocessing.Pool docs: an initializer with initargs, imap_unordered, imap with chunksize, starmap, map_async.
import multiprocessing as mp

counter = None

def init(base):
    global counter
    counter = base

def work(x):
    return x * x + counter

def pair(a, b):
    return a * b

if __name__ == "__main__":
    with mp.Pool(processes=3, initializer=init, initargs=(100,)) as pool:
        print(sorted(pool.imap_unordered(work, range(8))))
        print(list(pool.imap(work, range(5), chunksize=2)))
        print(pool.starmap(pair, [(1, 2), (3, 4), (5, 6)]))
        r = pool.map_async(work, [1, 2, 3])
        print(r.get(timeout=5), r.ready(), r.successful())
