# Two threads take two locks in opposite orders, with no sleep to make the deadlock likely:
# only an unlucky schedule deadlocks. Bench: runs to the first failure (bench/find.sh).
# (Written with acquire() calls: in 3.10+ the return from a call into C is a switch point,
# but entering a `with` block is not, so `with a: with b:` cannot be interrupted between the
# two acquires there; --switch-points every finds that form too.)
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
