# Seed notes 003, join(timeout): join returns None either way — check is_alive(). With several
# daemon threads joined one after another with join(1), the waits add up: the main thread
# waits up to N × 1 s in total, then ends and the daemons are abandoned. A non-daemon thread
# would still be waited for at exit.
# gilsim: expect=ok
import threading
import time


def slow(n):
    print("worker", n, "starts")
    time.sleep(10)
    print("worker", n, "finished")


workers = [threading.Thread(target=slow, args=(n,), daemon=True) for n in range(3)]
start = time.time()
for w in workers:
    w.start()
for w in workers:
    result = w.join(1)
    print("join(1) returned", result, "- alive:", w.is_alive(), "- waited %.0f s so far" % (time.time() - start))
print("main thread ends; the daemon workers are abandoned")
