# Modelled on daemon-thread examples: the main thread exits, atexit handlers run.
import threading
import time
import atexit
import sys


def bye():
    print("atexit handler ran", flush=True)


atexit.register(bye)


def background():
    i = 0
    while True:
        time.sleep(0.05)
        i += 1


def finite():
    time.sleep(0.02)
    print("finite done")


d = threading.Thread(target=background, name="bg", daemon=True)
d.start()
f = threading.Thread(target=finite)
f.start()
print("main exiting", d.is_alive(), d.daemon, f.daemon, threading.current_thread().daemon)
sys.stdout.flush()
