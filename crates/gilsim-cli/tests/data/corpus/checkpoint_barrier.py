# Modelled on the Rosetta Code task "Checkpoint synchronization"
import threading
import random
import time

WORKERS = 3
CYCLES = 3
checkpoint = threading.Barrier(WORKERS, action=lambda: print('-- assembled --'))
rngs = [random.Random(i) for i in range(WORKERS)]
print_lock = threading.Lock()

def worker(n):
    for cycle in range(CYCLES):
        delay = 0.1 * (n + 1)
        time.sleep(delay)
        with print_lock:
            print('worker %d finished part in cycle %d' % (n, cycle))
        checkpoint.wait()

threads = [threading.Thread(target=worker, args=(n,)) for n in range(WORKERS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('all cycles done; random check', [round(r.random(), 4) for r in rngs])
