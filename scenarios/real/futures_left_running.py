# gilsim: expect=ok
# Source: a pattern common in scripts: tasks submitted to a pool that is never shut down.
# The interpreter's exit still waits for them (CPython stops the workers and joins them
# before it exits), so every line is printed.
import concurrent.futures
import time

pool = concurrent.futures.ThreadPoolExecutor(max_workers=2)


def report(n):
    time.sleep(0.05 * (n + 1))
    print("task", n, "finished")
    return n


futures = [pool.submit(report, n) for n in range(4)]
print("main is done submitting")
