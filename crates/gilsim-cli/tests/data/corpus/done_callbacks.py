# Modelled on concurrent.futures examples that attach add_done_callback handlers.
from concurrent.futures import ThreadPoolExecutor
import threading

results = []
lock = threading.Lock()


def task(n):
    if n == 3:
        raise ValueError("three")
    return n * 10


def on_done(fut):
    with lock:
        if fut.exception() is not None:
            results.append(("error", str(fut.exception())))
        else:
            results.append(("ok", fut.result()))


with ThreadPoolExecutor(max_workers=2) as ex:
    for n in range(5):
        ex.submit(task, n).add_done_callback(on_done)
print(sorted(results, key=str))
