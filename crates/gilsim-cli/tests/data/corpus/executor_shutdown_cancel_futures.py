# Modelled on ThreadPoolExecutor.shutdown(cancel_futures=True) examples (3.9+).
import time
from concurrent.futures import ThreadPoolExecutor, CancelledError, as_completed


def slow(n):
    time.sleep(0.05)
    return n * 10


ex = ThreadPoolExecutor(max_workers=2)
futs = [ex.submit(slow, i) for i in range(6)]
time.sleep(0.01)
ex.shutdown(wait=True, cancel_futures=True)
print([f.cancelled() for f in futs])
print([f.result() for f in futs if not f.cancelled()])
try:
    futs[-1].result()
except CancelledError:
    print("cancelled error raised")
try:
    ex.submit(slow, 1)
except RuntimeError as e:
    print(e)
with ThreadPoolExecutor(2, thread_name_prefix="dl") as pool:
    fs = {pool.submit(slow, i): i for i in range(3)}
    done = sorted(fs[f] for f in as_completed(fs))
    print(done)
    f = pool.submit(lambda: 1 / 0)
    print(type(f.exception()).__name__, f.done(), repr(f.exception()))
print(repr(fs and list(fs)[0]).split(" at ")[0])
