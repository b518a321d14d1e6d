# gilsim: expect=exception
# A classic Pool hang: a task raises an exception whose __init__ takes two arguments but
# passes one message to Exception.__init__. Pickling sends the class and its args (one
# message), so unpickling it in the pool's process calls JobError(message) and fails: the
# result handler thread dies with that TypeError, no result ever arrives, get() times out,
# and leaving the `with` block fails terminate()'s check that nothing is still awaited.
import multiprocessing as mp


class JobError(Exception):
    def __init__(self, job, reason):
        super().__init__(f"job {job}: {reason}")
        self.job = job


def work(x):
    if x == 2:
        raise JobError(x, "bad input")
    return x


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        result = pool.map_async(work, range(4))
        try:
            print(result.get(timeout=0.5))
        except mp.TimeoutError as e:
            print("no result:", type(e).__name__)
