# gilsim: expect=ok
# concurrent.futures.ProcessPoolExecutor: map keeps the input's order, futures complete as
# workers finish, a worker's exception is the future's, and an executor never shut down is
# shut down at interpreter exit (its workers are joined, not left running). A lambda cannot
# be sent to a worker process: on 3.7+ its future fails with PicklingError; on 3.6 the
# call is dropped and waiting for its future hangs (run with --python 3.6 to see the hang).
from concurrent.futures import ProcessPoolExecutor, as_completed
import os
import sys

def cube(n):
    return n ** 3

def fail(n):
    raise KeyError(n)

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=3) as ex:
        print(list(ex.map(cube, range(6))))
        futs = [ex.submit(cube, n) for n in (7, 8)]
        print(sorted(f.result() for f in as_completed(futs)))
        f = ex.submit(fail, 3)
        print(repr(f.exception()))
        if sys.version_info >= (3, 7):
            g = ex.submit(lambda: 1)
            print(type(g.exception()).__name__)
    ex2 = ProcessPoolExecutor(2)
    print(ex2.submit(os.getpid).result() != os.getpid())
    print("done")
