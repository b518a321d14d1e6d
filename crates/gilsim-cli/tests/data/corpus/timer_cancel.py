# Modelled on PyMOTW "threading_timer": one Timer fires, one is cancelled.
import threading
import time


def delayed(label):
    print(label, "fired")


t1 = threading.Timer(0.3, delayed, args=("t1",))
t1.name = "t1"
t2 = threading.Timer(0.3, delayed, args=("t2",))
t2.name = "t2"
print("starting timers")
t1.start()
t2.start()
print("waiting before canceling", t2.name)
time.sleep(0.2)
print("canceling", t2.name)
t2.cancel()
t1.join()
print("done", t1.is_alive(), t2.is_alive())
