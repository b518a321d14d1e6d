# Seed notes 002, Event: wait() blocks until set(); set() releases every waiter at once;
# wait(timeout) returns the flag (False on timeout); clear() makes later waits block again.
# The order the released runners print in is the scheduler's (FIFO under fair; CPython: the
# OS, so real runs vary).
# gilsim: expect=ok
import threading
import time

go = threading.Event()


def runner(n):
    print("runner", n, "ready")
    go.wait()
    print("runner", n, "running")


runners = [threading.Thread(target=runner, args=(n,)) for n in range(3)]
for r in runners:
    r.start()
time.sleep(1)
print("wait(0.5) before set:", go.wait(0.5), "is_set:", go.is_set())
go.set()
for r in runners:
    r.join()
print("wait() after set:", go.wait())
go.clear()
print("after clear:", go.is_set(), go.wait(0.1))
