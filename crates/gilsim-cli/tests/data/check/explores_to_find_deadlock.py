# gilsim: expect=deadlock runs=200 seed=7
# The deadlock of expects_ok_but_deadlocks.py, now declared: found within the runs.
import threading

a = threading.Lock()
b = threading.Lock()


def forward():
    a.acquire()
    b.acquire()
    b.release()
    a.release()


def backward():
    b.acquire()
    a.acquire()
    a.release()
    b.release()


threads = [threading.Thread(target=forward), threading.Thread(target=backward)]
for t in threads:
    t.start()
for t in threads:
    t.join()
