# Modelled on PyMOTW "threading_daemon_join": join a daemon thread with a timeout.
import threading
import time


def daemon():
    print("daemon starting")
    time.sleep(0.5)
    print("daemon exiting")


def non_daemon():
    print("non-daemon starting")
    print("non-daemon exiting")


d = threading.Thread(name="daemon", target=daemon, daemon=True)
t = threading.Thread(name="non-daemon", target=non_daemon)
d.start()
time.sleep(0.01)
t.start()
d.join(0.1)
print("d.is_alive()", d.is_alive())
t.join()
