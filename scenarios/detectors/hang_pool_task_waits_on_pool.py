# gilsim: expect=hang
# The executor deadlock of the concurrent.futures documentation: a task running on a pool's
# only worker submits a second task to the same pool and waits for its result. The second task
# can only run on that worker, which is busy waiting: neither ever finishes, and the
# interpreter's exit waits for the worker forever.
import concurrent.futures


def inner():
    return "inner result"


def outer():
    return pool.submit(inner).result()


pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
future = pool.submit(outer)
print(future.result())
