# Seed case 12: the same counter with acquire/release around each update. Always 0, on
# every version and under every policy.
# gilsim: expect=ok
import threading

total = 0
loops = 100000
lock = threading.Lock()


def add():
    global total
    for i in range(1, loops):
        lock.acquire()
        total += 1
        lock.release()


def subtract():
    global total
    for i in range(1, loops):
        lock.acquire()
        total -= 1
        lock.release()


if __name__ == "__main__":
    print("Starting ....{0}".format(total))
    t1 = threading.Thread(target=add, args=())
    t2 = threading.Thread(target=subtract, args=())
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    print("Done .... {0}".format(total))
