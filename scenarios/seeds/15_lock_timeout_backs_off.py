# Seed case 15: the same two workers, but the first gives up on lock_b after a 2 s timeout
# and releases lock_a, so the second can finish: no deadlock.
# gilsim: expect=ok
import threading
import time

lock_a = threading.Lock()
lock_b = threading.Lock()


def first():
    print("first starting")
    lock_a.acquire(timeout=4)
    print("first holds lock_a")
    time.sleep(2)
    print("first waits for lock_b")
    got = lock_b.acquire(timeout=2)
    if got:
        print("first got lock_b")
        lock_b.release()
    else:
        print("first gave up on lock_b")
    lock_a.release()
    print("first done")


def second():
    print("second starting")
    lock_b.acquire()
    print("second holds lock_b")
    time.sleep(4)
    print("second waits for lock_a")
    lock_a.acquire()
    print("second holds lock_a")
    lock_a.release()
    lock_b.release()
    print("second done")


print("main starting")
t1 = threading.Thread(target=first, args=())
t2 = threading.Thread(target=second, args=())
t1.start()
t2.start()
t1.join()
t2.join()
print("main done")
