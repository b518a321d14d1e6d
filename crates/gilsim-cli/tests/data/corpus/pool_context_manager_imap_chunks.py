# Modelled on the multiprocessing.Pool docs: maxtasksperchild, imap with chunksize, imap_unordered, starmap_async, apply of a builtin.
# The prints inside the pool flush: a worker the pool forks to replace a recycled one copies
# the parent's unflushed stdout and flushes it again when it exits, so CPython printed a
# line twice in some runs, depending on when the worker handler thread forked.
import multiprocessing
import os


def cube(x):
    return x ** 3


def name_and_value(x):
    return multiprocessing.current_process().name.startswith("ForkPoolWorker"), x


if __name__ == "__main__":
    with multiprocessing.Pool(processes=2, maxtasksperchild=2) as pool:
        print(list(pool.imap(cube, range(7), chunksize=3)), flush=True)
        print(sorted(pool.imap_unordered(cube, range(5))), flush=True)
        print(set(r[0] for r in pool.map(name_and_value, range(4))), flush=True)
        res = pool.starmap_async(pow, [(2, 3), (3, 2)])
        print(res.get(), flush=True)
        print(pool.apply(os.getpid) > 0, flush=True)
    print(repr(pool).split(" ")[0], "state=" in repr(pool))
