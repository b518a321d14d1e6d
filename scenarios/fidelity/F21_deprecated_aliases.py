# F21: the camelCase aliases work and warn once per call site on 3.10+.
# gilsim: expect=ok
import threading


def w():
    pass


t = threading.Thread(target=w)
t.setDaemon(True)
print(t.getName(), t.isDaemon(), threading.currentThread().name, threading.activeCount())
t.start()
t.join()
e = threading.Event()
print(e.isSet())
c = threading.Condition()
with c:
    c.notifyAll()
try:
    t.isAlive()
except AttributeError as err:
    print("AttributeError:", err)
