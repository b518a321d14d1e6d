# Modelled on public readers-writer lock recipes on a Condition, and deadlock avoidance with acquire(timeout=...).
import threading
import time

class RWLock:
    def __init__(self):
        self._readers = 0
        self._read_ok = threading.Condition(threading.Lock())
    def acquire_read(self):
        with self._read_ok:
            self._readers += 1
    def release_read(self):
        with self._read_ok:
            self._readers -= 1
            if not self._readers:
                self._read_ok.notify_all()
    def acquire_write(self):
        self._read_ok.acquire()
        while self._readers > 0:
            self._read_ok.wait()
    def release_write(self):
        self._read_ok.release()

rw = RWLock()
data = {"v": 0}
log = []
def reader(i):
    for _ in range(3):
        rw.acquire_read()
        log.append(("r", data["v"] >= 0))
        rw.release_read()
def writer():
    for _ in range(3):
        rw.acquire_write()
        data["v"] += 1
        rw.release_write()
ts = [threading.Thread(target=reader, args=(i,)) for i in range(3)] + [threading.Thread(target=writer)]
for t in ts: t.start()
for t in ts: t.join()
print(data, len(log), all(ok for _, ok in log))

a, b = threading.Lock(), threading.Lock()
def t1():
    with a:
        time.sleep(0.01)
        if b.acquire(timeout=0.05):
            print("t1 got both"); b.release()
        else:
            print("t1 backed off")
def t2():
    with b:
        time.sleep(0.01)
        if a.acquire(timeout=0.2):
            print("t2 got both"); a.release()
        else:
            print("t2 backed off")
x, y = threading.Thread(target=t1), threading.Thread(target=t2)
x.start(); y.start(); x.join(); y.join()
l = threading.Lock()
print(l.acquire(), l.acquire(False), l.locked(), l.acquire(timeout=0.001))
l.release()
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError:", e)
r = threading.RLock()
r.acquire(); r.acquire()
print(repr(r)[:40].split(" object")[0], r._is_owned() if hasattr(r, "_is_owned") else None)
r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    a.acquire(timeout=-2)
except ValueError as e:
    print("ValueError:", e)
try:
    a.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
