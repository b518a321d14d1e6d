# F6, F7: default thread names (3.10+: "Thread-N (target)"; a Timer has no suffix), and the
# errors of starting twice, joining before start and joining oneself.
# gilsim: expect=ok
import threading


def a():
    pass


def b():
    pass


print([threading.Thread(target=w).name for w in (a, b)])
print(threading.Timer(1, a).name, threading.current_thread().name)
t = threading.Thread(target=a)
t.start()
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
t.join()
try:
    threading.Thread(target=a).join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
