# Modelled on GIL demos that shorten sys.setswitchinterval and count under a lock.
import threading
import sys

sys.setswitchinterval(1e-4)
counter = 0
lock = threading.Lock()


def increment(n, use_lock):
    global counter
    for _ in range(n):
        if use_lock:
            with lock:
                counter += 1
        else:
            counter += 1


def run(use_lock):
    global counter
    counter = 0
    ts = [threading.Thread(target=increment, args=(20000, use_lock)) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return counter


print("locked:", run(True))
print(sys.getswitchinterval())
