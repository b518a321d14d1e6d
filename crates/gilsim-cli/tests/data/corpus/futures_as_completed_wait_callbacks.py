# Modelled on public ThreadPoolExecutor tutorials: a dict of futures drained with as_completed, wait(FIRST_COMPLETED), a done callback.
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED

def fetch(n):
    time.sleep(0.01 * (5 - n))
    if n == 3:
        raise ValueError(f"bad item {n}")
    return n * 10

with ThreadPoolExecutor(max_workers=5, thread_name_prefix="fetcher") as ex:
    futures = {ex.submit(fetch, n): n for n in range(5)}
    for fut in as_completed(futures):
        n = futures[fut]
        try:
            print(n, fut.result())
        except ValueError as e:
            print(n, "failed:", e, type(e).__name__)
    done, pending = wait(futures, return_when=FIRST_COMPLETED)
    print(len(done), len(pending))
    f = ex.submit(pow, 2, 10)
    f.add_done_callback(lambda fut: print("callback", fut.result(), fut.done(), fut.cancelled()))
    print(f.result(timeout=1))
print(repr(f).split(" at ")[0])
