# gilsim: expect=deadlock
# Two processes take two multiprocessing Locks in opposite orders: a deadlock across
# processes, found by the same wait-for graph as between threads.
import multiprocessing
import time


def first_then_second(a, b):
    with a:
        time.sleep(0.1)
        with b:
            print("never printed")


if __name__ == "__main__":
    a = multiprocessing.Lock()
    b = multiprocessing.Lock()
    p = multiprocessing.Process(target=first_then_second, args=(a, b))
    q = multiprocessing.Process(target=first_then_second, args=(b, a))
    p.start()
    q.start()
    p.join()
    q.join()
