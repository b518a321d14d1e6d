# gilsim: expect=ok
# A watchdog thread ends a stuck program with os._exit(): the process stops at once with
# the status given — no exception is raised, no atexit handler runs, no thread is joined,
# and what stdout had not flushed is lost (stderr is written at once from 3.9). A child
# process that calls os._exit() ends with that exit code, its unflushed output lost too.
import atexit
import multiprocessing as mp
import os
import sys
import threading
import time

atexit.register(print, "atexit handlers do not run")


def child():
    print("child: flushed", flush=True)
    print("child: never flushed, lost")
    os._exit(7)


def stuck_worker():
    time.sleep(10)
    print("the worker never finishes")


def watchdog(limit):
    time.sleep(limit)
    print("watchdog: giving up after", limit, "s", flush=True)
    print("buffered after the last flush: lost")
    os._exit(3)


if __name__ == "__main__":
    p = mp.Process(target=child)
    p.start()
    p.join()
    print("child exit code:", p.exitcode)
    try:
        os._exit("now")
    except TypeError as e:
        print("TypeError:", e, flush=True)
    threading.Thread(target=stuck_worker).start()
    threading.Thread(target=watchdog, args=(0.05,), daemon=True).start()
    time.sleep(5)
    print("the main thread never wakes")
