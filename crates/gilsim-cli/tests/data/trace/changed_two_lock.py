# The two-lock program of bench/cases/two_lock_deadlock.py with one more call in forward():
# a trace recorded for that program diverges when replayed on this one.
import threading

a = threading.Lock()
b = threading.Lock()


def forward():
    a.acquire()
    a.locked()
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
