# Modelled on public ThreadPoolExecutor examples: cancelling a queued future, map, submit after shutdown, map with a timeout.
from concurrent.futures import ThreadPoolExecutor
import time

def slow(n):
    time.sleep(0.05)
    return n

ex = ThreadPoolExecutor(max_workers=1)
futs = [ex.submit(slow, i) for i in range(3)]
print([f.done() for f in futs], futs[2].cancel(), futs[2].cancelled())
print(list(ex.map(slow, [7, 8])))
ex.shutdown(wait=True)
try:
    ex.submit(slow, 1)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    list(ThreadPoolExecutor(1).map(slow, [1, 2], timeout=0.01))
except Exception as e:
    print(type(e).__name__, e)
