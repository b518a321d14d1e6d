# Modelled on documentation-style examples of Barrier.abort and BrokenBarrierError
import threading
import time

barrier = threading.Barrier(3, timeout=1)
results = []

def worker(n):
    try:
        idx = barrier.wait()
        results.append(('passed', n))
    except threading.BrokenBarrierError:
        results.append(('broken', n))

a = threading.Thread(target=worker, args=(1,))
b = threading.Thread(target=worker, args=(2,))
a.start(); b.start()
time.sleep(0.1)
print('waiting:', barrier.n_waiting, 'parties:', barrier.parties, 'broken:', barrier.broken)
barrier.abort()
a.join(); b.join()
print(sorted(results), barrier.broken)
barrier.reset()
print(barrier.broken, barrier.n_waiting)
