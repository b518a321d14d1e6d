# The waiter tests the flag outside the condition's lock: the setter can set it and
# notify between the test and the wait, and the waiter then waits for ever (a hang).
# Bench: runs to the first failure (bench/find.sh).
import threading

cond = threading.Condition()
ready = False


def waiter():
    if not ready:
        with cond:
            cond.wait()
    print("woke")


def setter():
    global ready
    ready = True
    with cond:
        cond.notify_all()


threads = [threading.Thread(target=waiter), threading.Thread(target=setter)]
for t in threads:
    t.start()
for t in threads:
    t.join()
