# gilsim: expect=exception
# Another classic Pool mistake: a function defined after the pool was made. The workers were
# forked without it, so the one that takes the task cannot unpickle it and dies (the
# AttributeError names the module as CPython's repr does); the result never comes and
# `get()` times out. A module imported after the fork is different: the worker imports it.
import multiprocessing as mp

if __name__ == "__main__":
    pool = mp.Pool(1)

    def late(x):
        return x * 2

    pending = pool.apply_async(late, (3,))
    try:
        print(pending.get(timeout=0.5))
    except mp.TimeoutError as error:
        print("no result:", type(error).__name__)
    pool.terminate()
    pool.join()
