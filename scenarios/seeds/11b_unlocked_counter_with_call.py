# Seed case 11, variant: a Python function call between the read and the write of `total`
# is a switch point on every version (the callee's entry checks the eval breaker), so this
# loses updates under --python 3.11 as well as 3.9.
# gilsim: expect=lost-update
import threading

total = 0
loops = 1000000


def one():
    return 1


def add():
    global total
    for i in range(1, loops):
        total = total + one()


def subtract():
    global total
    for i in range(1, loops):
        total = total - one()


t1 = threading.Thread(target=add)
t2 = threading.Thread(target=subtract)
t1.start()
t2.start()
t1.join()
t2.join()
print("Done .... {0}".format(total))
