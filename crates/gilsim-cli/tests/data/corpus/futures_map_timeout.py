# Modelled on concurrent.futures docs-style examples: executor.map with a sleeping task.
import concurrent.futures
import time


def slow_square(x):
    time.sleep(0.05 * (x % 3))
    return x * x


with concurrent.futures.ThreadPoolExecutor(max_workers=3, thread_name_prefix="sq") as pool:
    print(list(pool.map(slow_square, range(8))))
    futs = [pool.submit(slow_square, n) for n in (5, 6)]
    done, pending = concurrent.futures.wait(futs, timeout=1)
    print(len(done), len(pending), sorted(f.result() for f in done))
    try:
        pool.submit(time.sleep, 0.5).result(timeout=0.1)
    except concurrent.futures.TimeoutError:
        print("timed out")
print(pool._shutdown if hasattr(pool, "_shutdown") else "n/a")
