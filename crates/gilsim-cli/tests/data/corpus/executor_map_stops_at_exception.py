# Modelled on executor.map examples where one task raises, and as_completed error reports.
import concurrent.futures as cf
import time


def risky(n):
    time.sleep(0.001 * (5 - n))
    if n == 3:
        raise KeyError(f"item-{n}")
    return n * n


with cf.ThreadPoolExecutor(max_workers=3) as pool:
    try:
        for r in pool.map(risky, range(5)):
            print("got", r)
    except KeyError as e:
        print("map stopped at", e)
    futs = {pool.submit(risky, n): n for n in range(5)}
    for f in cf.as_completed(futs):
        n = futs[f]
        if f.exception():
            print(n, "failed:", repr(f.exception()))
    results = sorted(f.result() for f in futs if not f.exception())
    print(results)
    f = pool.submit(risky, 3)
    try:
        f.result()
    except KeyError as e:
        import traceback
        print("".join(traceback.format_exception_only(type(e), e)), end="")
print(f.done(), f.cancelled(), f.running())
