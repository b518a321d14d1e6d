# Seed notes 004, mutex: two windows sell from one counter; each sale takes the lock,
# decrements, sleeps 10 ms while holding it, prints, and releases. The count drops by exactly
# one per line. The loop condition reads the counter without the lock, so the last sale can
# leave 0 or, when both windows passed the check, go one lower than the notes' "> 1".
# Which window gets the lock after each release is the scheduler's choice (FIFO under fair,
# seeded under preemptive; CPython: the OS), so the windows' share of the sales varies.
# gilsim: expect=ok
import threading
import time

tickets = 20


def sell(window):
    global tickets
    while tickets > 1:
        if mutex.acquire():
            tickets -= 1
            time.sleep(0.01)
            print(f"{window} sold a ticket, {tickets} left")
            mutex.release()


if __name__ == "__main__":
    mutex = threading.Lock()
    w1 = threading.Thread(target=sell, args=("window 1",))
    w2 = threading.Thread(target=sell, args=("window 2",))
    w1.start()
    w2.start()
