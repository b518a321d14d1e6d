# Modelled on the classic GIL countdown demonstration (one thread vs two), output kept deterministic.
import threading

COUNT = 200000


def countdown(n):
    while n > 0:
        n -= 1


t1 = threading.Thread(target=countdown, args=(COUNT // 2,))
t2 = threading.Thread(target=countdown, args=(COUNT // 2,))
t1.start()
t2.start()
t1.join()
t2.join()
countdown(COUNT)
print("both finished", t1.is_alive(), t2.is_alive(), threading.active_count())
