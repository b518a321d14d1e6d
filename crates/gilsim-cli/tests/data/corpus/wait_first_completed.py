# Modelled on concurrent.futures.wait examples (FIRST_COMPLETED, then the rest).
import concurrent.futures as cf
import time


def slow(x):
    time.sleep(x / 10)
    return x * 10


with cf.ThreadPoolExecutor(max_workers=3) as ex:
    futures = [ex.submit(slow, x) for x in (3, 1, 2)]
    done, pending = cf.wait(futures, return_when=cf.FIRST_COMPLETED)
    print("first done:", [f.result() for f in done], "pending:", len(pending))
    done, pending = cf.wait(futures)
    print("all:", sorted(f.result() for f in done))
