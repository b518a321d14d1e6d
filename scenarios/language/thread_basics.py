# Thread basics whose output is fixed by CPython's semantics: start() returns only after a
# short child ran (F5), names `Thread-N (target)` (F6), start/join errors (F7), join with a
# timeout (F22), active_count/enumerate (F24), and an exception in a thread (F19).
# gilsim: expect=exception
import threading
import time


def child():
    print("child")


t = threading.Thread(target=child)
t.start()
print("main")
t.join()

def a():
    pass

def b():
    pass

print([threading.Thread(target=w).name for w in (a, b)], threading.current_thread().name)
t = threading.Thread(target=a)
t.start()
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=a).join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)

sleeper = threading.Thread(target=time.sleep, args=(0.2,))
sleeper.start()
print(sleeper.join(0.01), sleeper.is_alive())
print(threading.active_count(), [x.name for x in threading.enumerate()])
sleeper.join()
print(threading.active_count(), sleeper.is_alive())


def broken():
    raise ValueError("bad value")


t = threading.Thread(target=broken)
t.start()
t.join()
print("main continues; daemon default:", t.daemon)
