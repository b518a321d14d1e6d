# Modelled on the multiprocessing documentation's Pool examples (map, apply, apply_async, imap).
from multiprocessing import Pool
import os

def square(x):
    return x * x

def describe(x):
    return "%d is %s" % (x, "even" if x % 2 == 0 else "odd")

if __name__ == "__main__":
    with Pool(processes=4) as pool:
        print(pool.map(square, range(10)))
        print(pool.apply(square, (12,)))
        result = pool.apply_async(describe, (7,))
        print(result.get(timeout=1))
        print(list(pool.imap(square, [3, 1, 2])))
        print(sorted(pool.imap_unordered(describe, range(3))))
    print("parent pid is an int:", isinstance(os.getpid(), int))
