# Seed notes 004, many-to-many: two cooks and four customers share a Queue(maxsize=10); each
# sleeps random.random()*12 s between steps (the random stream is seeded by gilsim's --seed,
# so the run replays exactly). put() blocks while ten buns wait, get() while none do. The
# shared `count` is read and incremented without a lock by both cooks. With unbuffered stdout
# a cook's and a customer's lines can run into each other, as in the notes' "made bun 5customer
# 2 took bun 5".
# gilsim: expect=possible-race max-time=40s stdout=unbuffered
import threading
import time
import queue
import random

buns = queue.Queue(maxsize=10)
count = 1


def cook(name):
    global count
    while True:
        buns.put(f"{count}")
        print(f"{name} made bun {count}")
        count += 1
        time.sleep(random.random() * 12)


def customer(name):
    while True:
        print(f"{name} took bun {buns.get()}")
        time.sleep(random.random() * 12)


if __name__ == "__main__":
    for n in (1, 2):
        threading.Thread(target=cook, args=(f"cook {n}",)).start()
    for n in (1, 2, 3, 4):
        threading.Thread(target=customer, args=(f"customer {n}",)).start()
