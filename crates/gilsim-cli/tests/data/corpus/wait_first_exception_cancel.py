# Modelled on wait(FIRST_EXCEPTION) examples that cancel the futures still queued.
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_EXCEPTION
import time

def task(n):
    time.sleep(0.05 * n)
    if n == 2:
        raise KeyError(n)
    return n * 10

events = []
with ThreadPoolExecutor(max_workers=1) as ex:
    futures = [ex.submit(task, n) for n in range(1, 5)]
    for f in futures:
        f.add_done_callback(lambda fut: events.append(("done", fut.cancelled())))
    done, not_done = wait(futures, return_when=FIRST_EXCEPTION)
    cancelled = [f.cancel() for f in futures]
print(len(done), len(not_done), cancelled)
for f in futures:
    if f.cancelled():
        print("cancelled")
    elif f.exception() is not None:
        print("error", repr(f.exception()))
    else:
        print("result", f.result())
print(sorted(events))
