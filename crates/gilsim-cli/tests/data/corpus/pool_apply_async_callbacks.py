# Modelled on multiprocessing.Pool tutorials: apply_async with callback and error_callback, imap.
from multiprocessing import Pool


def cube(x):
    return x ** 3


def explode(x):
    if x == 3:
        raise ValueError(f"bad value {x}")
    return x


collected = []
errors = []

if __name__ == "__main__":
    with Pool(3) as pool:
        handles = [pool.apply_async(cube, (i,), callback=collected.append) for i in range(6)]
        for h in handles:
            h.wait()
        print(sorted(collected))
        print([h.get() for h in handles])
        print(sorted(pool.imap_unordered(cube, range(5))))
        print(list(pool.imap(cube, range(5), chunksize=2)))
        print(pool.starmap(pow, [(2, 3), (3, 2), (10, 2)]))
        bad = [pool.apply_async(explode, (i,), error_callback=lambda e: errors.append(repr(e))) for i in range(5)]
        for b in bad:
            b.wait()
        print(errors)
        try:
            bad[3].get()
        except ValueError as e:
            print("caught", e)
        print(bad[0].successful(), bad[3].successful(), bad[2].ready())
