# Modelled on the multiprocessing.Pool example from the Python documentation.
from multiprocessing import Pool


def f(x):
    return x * x


if __name__ == "__main__":
    with Pool(5) as p:
        print(p.map(f, [1, 2, 3]))
        print(p.apply(f, (7,)), p.apply_async(f, (8,)).get(timeout=1))
        print(list(p.imap(f, range(5))), sorted(p.imap_unordered(f, range(4))))
        print(p.starmap(pow, [(2, 5), (3, 2)]))
