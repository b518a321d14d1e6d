# Modelled on examples of the low-level _thread module (start_new_thread, allocate_lock).
import _thread as thread
import time

lock = thread.allocate_lock()
done = []

def worker(n, delay):
    time.sleep(delay)
    with lock:
        done.append(n)
        print("worker %d finished after %.1fs" % (n, delay))

for i in range(4):
    thread.start_new_thread(worker, (i, 0.1 * (4 - i)))

time.sleep(1)
print("main saw", sorted(done), "lock locked?", lock.locked())
