# Seed case 04: threading.Thread with args. Main prints "all started" right away, before the
# workers finish, because nothing waits for them; the workers' output follows as they wake.
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
a.start()
b = threading.Thread(target=second_task, args=("beta", "gamma"))
b.start()
print("all started:", time.ctime())
