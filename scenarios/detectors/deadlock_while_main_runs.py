# gilsim: expect=deadlock
# Two workers take two locks in opposite orders and deadlock while the main thread still
# has work to do. A plain Lock could be released by any thread, so the cycle is only
# certain once no other thread can run: the main thread finishes its ticks, then waits
# for the workers, and the deadlock is reported with both workers and both locks named.
import threading
import time

ledger = threading.Lock()
audit = threading.Lock()


def post():
    with ledger:
        time.sleep(0.1)
        with audit:
            pass


def review():
    with audit:
        time.sleep(0.1)
        with ledger:
            pass


workers = [threading.Thread(target=post), threading.Thread(target=review)]
for w in workers:
    w.start()
for tick in range(3):
    time.sleep(0.1)
    print("main tick", tick)
for w in workers:
    w.join()
