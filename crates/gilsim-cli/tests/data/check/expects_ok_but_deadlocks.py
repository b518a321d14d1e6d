# gilsim: expect=ok runs=200
# Claims to be clean, but two threads take two locks in opposite orders: exploring finds
# the deadlock, so `check` must report this expectation unmet.
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
