# Seed notes 004, simple producer/consumer: one cook puts a bun into an unbounded queue every
# 0.5 s, two customers each take one every 2 s; q.get() blocks while the queue is empty. All
# three loop forever, so the run ends at the time limit with the queue growing. Under the
# default buffered stdout every line is whole; `--stdout unbuffered` lets a cook's line and a
# customer's line run together as in the notes ("made bun 2customer 2 took bun 2").
# gilsim: expect=ok max-time=6s
import threading
import time
import queue

buns = queue.Queue()


def cook(name):
    count = 1
    while True:
        buns.put(f"{count}")
        print(f"{name} made bun {count}")
        count += 1
        time.sleep(0.5)


def customer(name):
    while True:
        print(f"{name} took bun {buns.get()}")
        time.sleep(2)


if __name__ == "__main__":
    threading.Thread(target=cook, args=("cook",)).start()
    threading.Thread(target=customer, args=("customer 1",)).start()
    threading.Thread(target=customer, args=("customer 2",)).start()
