# Modelled on Barrier examples showing BrokenBarrierError after a timeout.
import threading
import time

barrier = threading.Barrier(3, timeout=0.2)
results = []
lock = threading.Lock()


def party(name, delay):
    time.sleep(delay)
    try:
        barrier.wait()
        outcome = "passed"
    except threading.BrokenBarrierError:
        outcome = "broken"
    with lock:
        results.append((name, outcome))


threads = [threading.Thread(target=party, args=(n, d)) for n, d in (("a", 0.0), ("b", 0.05), ("c", 0.5))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results), barrier.broken)
barrier.reset()
print(barrier.broken, barrier.n_waiting)
