# Modelled on examples showing that sys.exit() in a thread only ends that thread
import sys
import threading

def worker(n):
    print('worker', n, 'starting')
    if n == 1:
        sys.exit('bye from worker 1')
    print('worker', n, 'finished')

ts = [threading.Thread(target=worker, args=(n,)) for n in range(3)]
for t in ts:
    t.start()
    t.join()
print('main still running', threading.active_count())
