# Seed case 06: a non-daemon worker. Main's code ends after 1 s, but the interpreter waits
# for the worker, so "worker ends" is still printed (at 2 s).
# gilsim: expect=ok
import time
import threading


def worker():
    print("worker begins")
    time.sleep(2)
    print("worker ends")


print("main begins")
t = threading.Thread(target=worker, args=())
t.start()
time.sleep(1)
print("main ends")
