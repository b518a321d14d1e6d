# Modelled on the concurrent.futures docs: a ThreadPoolExecutor with thread_name_prefix, as_completed over a dict of futures.
# ThreadPoolExecutor with a thread_name_prefix; tasks report which worker ran them
import concurrent.futures
import threading
import time

def task(n):
    time.sleep(0.01 * (n % 3))
    return n, threading.current_thread().name.split("_")[0]

with concurrent.futures.ThreadPoolExecutor(max_workers=3, thread_name_prefix="dl") as pool:
    futs = {pool.submit(task, i): i for i in range(6)}
    results = sorted(f.result() for f in concurrent.futures.as_completed(futs))
for n, prefix in results:
    print(f"task {n:2d} ran on a {prefix!r} worker")
print(pool._max_workers, pool._thread_name_prefix)
try:
    pool.submit(task, 99)
except RuntimeError as e:
    print("after shutdown:", e)
