# Modelled on tutorials about exceptions in executor tasks: result() re-raises,
# exception() returns it, done callbacks see both.
from concurrent.futures import ThreadPoolExecutor, wait


def divide(a, b):
    return a / b


log = []


def report(future):
    exc = future.exception()
    log.append("failed: %s" % type(exc).__name__ if exc else "ok: %s" % future.result())


with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(divide, 10, d) for d in (2, 0, 5)]
    for f in futures:
        f.add_done_callback(report)
    wait(futures)
print(sorted(log))
for f in futures:
    try:
        print(f.result())
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e, isinstance(f.exception(), ArithmeticError))
