# gilsim: expect=deadlock
# Five philosophers, five forks; each picks up the left fork, thinks a moment, then reaches
# for the right one. When all hold their left fork, each waits for a neighbour: a cycle of
# five threads.
import threading
import time

forks = [threading.Lock() for _ in range(5)]


def philosopher(seat):
    left, right = forks[seat], forks[(seat + 1) % 5]
    with left:
        time.sleep(0.1)
        with right:
            print("philosopher", seat, "eats")


diners = [threading.Thread(target=philosopher, args=(seat,)) for seat in range(5)]
for d in diners:
    d.start()
for d in diners:
    d.join()
