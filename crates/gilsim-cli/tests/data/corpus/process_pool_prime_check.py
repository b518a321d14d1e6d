# Modelled on the concurrent.futures docs' ProcessPoolExecutor prime check.
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, wait, FIRST_COMPLETED
import math


def is_prime(n):
    if n < 2:
        return False
    for d in range(2, int(math.isqrt(n)) + 1):
        if n % d == 0:
            return False
    return True


NUMS = [112272535095293, 112582705942171, 115280095190773, 115797848077099, 1099726899285419]

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        for n, p in zip(NUMS[:2], ex.map(is_prime, [97, 100])):
            print(n, p)
        print(list(ex.map(is_prime, range(20), chunksize=5)))
    with ThreadPoolExecutor(max_workers=3) as ex:
        fs = [ex.submit(sum, range(i * 1000)) for i in range(4)]
        done, not_done = wait(fs)
        print(len(done), len(not_done), sorted(f.result() for f in done))
        f = ex.submit(pow, 2, 100)
        print(f.result(timeout=1))
