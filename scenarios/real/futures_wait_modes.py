# gilsim: expect=ok
# Source: concurrent.futures.wait() with each return_when, as tutorials demonstrate it: the
# first task to finish, the first to fail, and all of them, counted as done and not done.
import concurrent.futures
import time


def nap(seconds, fail=False):
    time.sleep(seconds)
    if fail:
        raise RuntimeError("failed after %s" % seconds)
    return seconds


with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
    futures = [pool.submit(nap, s) for s in (0.3, 0.1, 0.2)]
    done, not_done = concurrent.futures.wait(futures, return_when=concurrent.futures.FIRST_COMPLETED)
    print("first completed:", [f.result() for f in done], len(not_done), "pending")
    done, not_done = concurrent.futures.wait(futures)
    print("all completed:", sorted(f.result() for f in done), len(not_done), "pending")

    futures = [pool.submit(nap, 0.2), pool.submit(nap, 0.05, True), pool.submit(nap, 0.4)]
    result = concurrent.futures.wait(futures, return_when=concurrent.futures.FIRST_EXCEPTION)
    print("first exception:", len(result.done), "done,", len(result.not_done), "not done")
    print([str(f.exception()) for f in result.done if f.exception()])

    futures = [pool.submit(nap, 0.5)]
    done, not_done = concurrent.futures.wait(futures, timeout=0.1)
    print("after a timeout:", len(done), "done,", len(not_done), "not done")
    try:
        for f in concurrent.futures.as_completed(futures, timeout=0.1):
            print("unexpected", f)
    except concurrent.futures.TimeoutError as exc:
        print("as_completed:", exc)
