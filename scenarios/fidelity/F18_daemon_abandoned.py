# F18: a daemon ticker keeps printing while the main thread waits at exit for a non-daemon
# worker, and is abandoned once that worker is done.
# gilsim: expect=ok
import threading
import time


def d():
    for i in range(5):
        print("daemon tick", i, flush=True)
        time.sleep(0.2)


def n():
    time.sleep(0.5)
    print("normal worker done", flush=True)


threading.Thread(target=d, daemon=True).start()
threading.Thread(target=n).start()
print("main thread ends", flush=True)
