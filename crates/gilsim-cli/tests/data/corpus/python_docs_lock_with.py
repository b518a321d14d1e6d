# Modelled on the "with" statement lock examples of the threading documentation, using
# acquire(blocking=False) and timeouts.
import threading
import time

lock = threading.Lock()


def holder():
    with lock:
        time.sleep(0.3)


t = threading.Thread(target=holder)
t.start()
time.sleep(0.05)
print("non-blocking acquire:", lock.acquire(blocking=False))
print("acquire with timeout:", lock.acquire(timeout=0.1))
t.join()
print("after join:", lock.acquire(timeout=0.1))
lock.release()
print("locked:", lock.locked())
