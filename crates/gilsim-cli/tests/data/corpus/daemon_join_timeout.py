# Modelled on the classic daemon vs non-daemon thread demonstration (PyMOTW style).
import threading
import time


def daemon():
    print("Starting", threading.current_thread().name)
    time.sleep(0.3)
    print("Exiting", threading.current_thread().name)


def non_daemon():
    print("Starting", threading.current_thread().name)
    print("Exiting", threading.current_thread().name)


d = threading.Thread(name="daemon", target=daemon)
d.daemon = True
t = threading.Thread(name="non-daemon", target=non_daemon)
d.start()
time.sleep(0.05)
t.start()
t.join()
print("d.is_alive()", d.is_alive())
d.join(0.05)
print("d.is_alive() after timeout", d.is_alive())
print(d.isDaemon() if hasattr(d, "isDaemon") else d.daemon)
