# The five philosophers of dining_philosophers_5.py, started with _thread.start_new_thread,
# which (unlike Thread.start) does not wait for the new thread to begin. Bench: shows what
# the start handshake costs a uniformly random search (bench/find.sh, docs/exploring.md).
import _thread
import threading

forks = [threading.Lock() for _ in range(5)]
done = threading.Semaphore(0)


def philosopher(seat):
    left, right = forks[seat], forks[(seat + 1) % 5]
    left.acquire()
    right.acquire()
    right.release()
    left.release()
    done.release()


for seat in range(5):
    _thread.start_new_thread(philosopher, (seat,))
for _ in range(5):
    done.acquire()
