# Modelled on concurrent.futures.wait examples (ALL_COMPLETED, timeouts).
import time
from concurrent.futures import ThreadPoolExecutor, wait, ALL_COMPLETED, FIRST_EXCEPTION


def task(n):
    time.sleep(n * 0.1)
    if n == 3:
        raise RuntimeError("task %d failed" % n)
    return n * n


with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(task, n) for n in range(1, 6)]
    done, not_done = wait(futures, timeout=0.25)
    print("after 0.25s:", len(done), "done,", len(not_done), "pending")
    done, not_done = wait(futures, return_when=FIRST_EXCEPTION)
    print("first exception seen with", len(not_done), "pending")
    done, not_done = wait(futures, return_when=ALL_COMPLETED)
    for f in futures:
        if f.exception():
            print("error:", f.exception())
        else:
            print("value:", f.result())
