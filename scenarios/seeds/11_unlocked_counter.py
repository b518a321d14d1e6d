# Seed case 11: two threads add and subtract 1 a million times each on a global, with no
# lock. The result depends on the CPython version:
#   gilsim run ... --python 3.11   -> 0 (3.10+ only switch at calls and loop back-edges,
#                                       so `total += 1` is never interrupted)
#   gilsim run ... --python 3.9    -> non-zero (a switch can land between load and store)
#   see 11b_unlocked_counter_with_call.py for the variant that loses updates everywhere.
# gilsim: expect=possible-race
import threading

total = 0
loops = 1000000


def add():
    global total
    for i in range(1, loops):
        total += 1


def subtract():
    global total
    for i in range(1, loops):
        total -= 1


if __name__ == "__main__":
    print("Starting ....{0}".format(total))
    t1 = threading.Thread(target=add, args=())
    t2 = threading.Thread(target=subtract, args=())
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    print("Done .... {0}".format(total))
