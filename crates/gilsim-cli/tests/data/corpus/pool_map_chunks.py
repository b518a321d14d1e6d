# Modelled on multiprocessing.Pool tutorials: map with chunksize, starmap, apply_async.
from multiprocessing import Pool


def square(x):
    return x * x


def power(base, exp):
    return base ** exp


if __name__ == "__main__":
    with Pool(processes=3) as pool:
        print(pool.map(square, range(10), chunksize=3))
        print(pool.starmap(power, [(2, 3), (3, 2), (10, 0)]))
        result = pool.apply_async(square, (12,))
        print(result.get(timeout=5), result.ready(), result.successful())
        print(sorted(pool.imap_unordered(square, range(5))))
