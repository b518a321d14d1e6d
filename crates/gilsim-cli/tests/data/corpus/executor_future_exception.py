# Modelled on public examples of a task's exception re-raised by Future.result() leaving a ThreadPoolExecutor block.
from concurrent.futures import ThreadPoolExecutor

def job(n):
    if n == 2:
        raise ValueError("bad input %d" % n)
    return n

with ThreadPoolExecutor(max_workers=2) as ex:
    futs = [ex.submit(job, i) for i in range(4)]
    print([f.result() for f in futs[:2]])
    print(futs[2].exception())
    futs[2].result()
