# gilsim: expect=ok
# A task that raises in a worker process reaches the caller as CPython sends it: the
# exception is pickled (its class called again with its args: the traceback, cause and
# context stay behind) and its traceback, formatted in the worker, becomes the
# RemoteTraceback its __cause__ shows. Pool.map/starmap/apply/imap/get and
# ProcessPoolExecutor.map/submit print the worker's frames and the parent's, as CPython's
# pool.py and process.py do.
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool


def divide(x):
    return 10 // x


def ratio(a, b):
    return a / b


class JobFailed(Exception):
    pass


def job(n):
    if n == 2:
        raise JobFailed("job %d failed" % n)
    return n


def settled(results):
    # Every result is in before the first is asked for (CPython's result() then takes its
    # no-wait path, whose line its traceback shows).
    time.sleep(0.2)
    return list(results)


def settled_result(future):
    time.sleep(0.2)
    return future.result()


def report(call):
    try:
        call()
    except Exception as e:
        traceback.print_exc(file=sys.stdout)
        print("----- cause:", type(e.__cause__).__module__, type(e.__cause__).__name__)


if __name__ == "__main__":
    with Pool(2) as pool:
        report(lambda: pool.map(divide, [1, 0]))
        report(lambda: pool.starmap(ratio, [(1, 0)]))
        report(lambda: pool.apply(divide, (0,)))
        report(lambda: list(pool.imap(divide, [0])))
        report(lambda: pool.apply_async(job, (2,)).get())
    with ProcessPoolExecutor(2) as ex:
        report(lambda: settled(ex.map(divide, [1, 0])))
        report(lambda: settled(ex.map(ratio, [1, 2], [1, 0], chunksize=2)))
        report(lambda: settled_result(ex.submit(job, 2)))
        try:
            ex.map(divide, [1], chunksize=0)
        except ValueError as e:
            print("ValueError:", e)
