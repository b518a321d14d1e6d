# Five philosophers each take their left fork, then their right, with no pause between: the
# run deadlocks only when all five hold their left fork at once. Bench: runs to the first
# failure (bench/find.sh). Forks are taken with acquire() calls (see two_lock_deadlock.py).
import threading

forks = [threading.Lock() for _ in range(5)]


def philosopher(seat):
    left, right = forks[seat], forks[(seat + 1) % 5]
    left.acquire()
    right.acquire()
    right.release()
    left.release()


diners = [threading.Thread(target=philosopher, args=(seat,)) for seat in range(5)]
for d in diners:
    d.start()
for d in diners:
    d.join()
