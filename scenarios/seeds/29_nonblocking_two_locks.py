# Seed notes 004, blocking=False: each thread holds its own lock, sleeps 1 s, then tries the
# other's lock without blocking. A failed try returns False at once instead of waiting, so the
# two threads can never deadlock; each releases its own lock and both finish. t1's try fails
# (t2 holds lock 2); t2's succeeds only if t1 has already released lock 1 — in this unbuffered
# run t1's prints release the GIL and it has. With --stdout unbuffered the two threads' prints
# interleave inside a line, as in the notes ("t2 got lock 2t1 got lock 1").
# gilsim: expect=ok stdout=unbuffered
import threading
import time


def one():
    print("t1 starting")
    if lock1.acquire():
        time.sleep(1)
        print("t1 got lock 1")
        if lock2.acquire(blocking=False):
            print("t1 got lock 2")
            lock2.release()
        else:
            print("t1 could not get lock 2")
        lock1.release()
        print("t1 released lock 1")


def two():
    print("t2 starting")
    if lock2.acquire():
        time.sleep(1)
        print("t2 got lock 2")
        if lock1.acquire(blocking=False):
            print("t2 got lock 1")
            lock1.release()
        else:
            print("t2 could not get lock 1")
        lock2.release()
        print("t2 released lock 2")


if __name__ == "__main__":
    lock1 = threading.Lock()
    lock2 = threading.Lock()
    threading.Thread(target=one).start()
    threading.Thread(target=two).start()
