# Seed case 14: each worker takes one lock, sleeps, then wants the other's lock. After 4 s
# both wait forever: the run ends "blocked", naming each thread and the lock it waits for.
# gilsim: expect=deadlock
import threading
import time

lock_a = threading.Lock()
lock_b = threading.Lock()


def first():
    print("first starting")
    lock_a.acquire()
    print("first holds lock_a")
    time.sleep(2)
    print("first waits for lock_b")
    lock_b.acquire()
    print("first holds lock_b")
    lock_b.release()
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


if __name__ == "__main__":
    print("main starting")
    t1 = threading.Thread(target=first, args=())
    t2 = threading.Thread(target=second, args=())
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    print("main done")
