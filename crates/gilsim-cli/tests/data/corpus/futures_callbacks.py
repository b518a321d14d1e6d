# Modelled on Future.add_done_callback examples collecting results as they finish.
import threading
import time
from concurrent.futures import ThreadPoolExecutor

finished = []
lock = threading.Lock()


def job(n):
    time.sleep(0.05 * (5 - n))
    if n == 2:
        raise ValueError("job 2 broke")
    return n * 100


def on_done(fut):
    with lock:
        if fut.exception() is not None:
            finished.append(("error", str(fut.exception())))
        else:
            finished.append(("ok", fut.result()))


with ThreadPoolExecutor(max_workers=5) as ex:
    futs = []
    for n in range(5):
        f = ex.submit(job, n)
        f.add_done_callback(on_done)
        futs.append(f)
print(finished)
print([f.done() for f in futs], sum(1 for f in futs if f.exception()))
