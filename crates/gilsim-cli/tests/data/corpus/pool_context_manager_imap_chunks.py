# Modelled on the multiprocessing.Pool docs: maxtasksperchild, imap with chunksize, imap_unordered, starmap_async, apply of a builtin.
import multiprocessing
import os


def cube(x):
    return x ** 3


def name_and_value(x):
    return multiprocessing.current_process().name.startswith("ForkPoolWorker"), x


if __name__ == "__main__":
    with multiprocessing.Pool(processes=2, maxtasksperchild=2) as pool:
        print(list(pool.imap(cube, range(7), chunksize=3)))
        print(sorted(pool.imap_unordered(cube, range(5))))
        print(set(r[0] for r in pool.map(name_and_value, range(4))))
        res = pool.starmap_async(pow, [(2, 3), (3, 2)])
        print(res.get())
        print(pool.apply(os.getpid) > 0)
    print(repr(pool).split(" ")[0], "state=" in repr(pool))
