# Seed case 05: as case 04, but main joins both workers, so "all done" is printed after
# 4 s, when the slower worker has finished — not 6 s as in the sequential version.
# gilsim: expect=ok
import time
import threading


def first_task(label):
    print("task A begins:", time.ctime(), "with", label)
    time.sleep(4)
    print("task A ends:", time.ctime())


def second_task(label, other):
    print("task B begins:", time.ctime(), "with", label, "and", other)
    time.sleep(2)
    print("task B ends:", time.ctime())


print("program begins:", time.ctime())
a = threading.Thread(target=first_task, args=("alpha",))
b = threading.Thread(target=second_task, args=("beta", "gamma"))
a.start()
b.start()
a.join()
b.join()
print("all done:", time.ctime())
