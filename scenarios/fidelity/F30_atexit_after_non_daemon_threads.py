# F30 (python-semantics.md §4.11): at interpreter exit the non-daemon threads are joined
# first; only then do the atexit handlers run, last registered first, on the main thread,
# which threading.enumerate() still lists. A handler that raises is reported ("Exception
# ignored in atexit callback") and the others still run; the exit status stays 0. A daemon
# thread keeps running while the handlers do.
# gilsim: expect=exception
import atexit
import threading
import time


def slow_worker():
    time.sleep(0.3)
    print("worker: done, before any handler")


def ticker():
    for i in range(3):
        print("daemon tick", i)
        time.sleep(0.25)


def farewell(who, mark="!"):
    me = threading.current_thread().name
    print("farewell", who + mark, "on", me, "threads:", [t.name for t in threading.enumerate()])


def broken():
    raise ValueError("handler failed")


def never():
    print("unregistered, never runs")


def waits_for_daemon():
    time.sleep(0.5)
    print("handler slept; daemon still ticking?", daemon.is_alive())


print("register returns the function:", atexit.register(farewell, "first") is farewell)
atexit.register(waits_for_daemon)
atexit.register(broken)
atexit.register(farewell, "last", mark="?")
atexit.register(never)
atexit.unregister(never)
daemon = threading.Thread(target=ticker, name="ticker", daemon=True)
threading.Thread(target=slow_worker, name="worker").start()
time.sleep(0.15)
daemon.start()
print("main module ends")
