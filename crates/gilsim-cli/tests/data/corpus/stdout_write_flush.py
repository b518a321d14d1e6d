# Modelled on examples writing progress with sys.stdout.write
import sys
import threading
import time

lock = threading.Lock()

def progress(name, steps, delay):
    for i in range(steps):
        time.sleep(delay)
        with lock:
            sys.stdout.write('%s step %d/%d\n' % (name, i + 1, steps))
            sys.stdout.flush()

a = threading.Thread(target=progress, args=('A', 3, 0.1))
b = threading.Thread(target=progress, args=('B', 2, 0.17))
a.start(); b.start(); a.join(); b.join()
sys.stdout.write('done\n')
print(sys.stdout.write('x') , file=sys.stderr)
print()
