# Modelled on the Python Cookbook's deadlock-avoiding acquire(*locks) helper
import threading
from contextlib import contextmanager

_local = threading.local()

@contextmanager
def acquire(*locks):
    locks = sorted(locks, key=lambda x: id(x))
    acquired = getattr(_local, 'acquired', [])
    if acquired and max(id(lock) for lock in acquired) >= id(locks[0]):
        raise RuntimeError('Lock Order Violation')
    acquired.extend(locks)
    _local.acquired = acquired
    try:
        for lock in locks:
            lock.acquire()
        yield
    finally:
        for lock in reversed(locks):
            lock.release()
        del acquired[-len(locks):]

x_lock = threading.Lock()
y_lock = threading.Lock()
counts = {'a': 0, 'b': 0}

def thread_1():
    for _ in range(2000):
        with acquire(x_lock, y_lock):
            counts['a'] += 1

def thread_2():
    for _ in range(2000):
        with acquire(y_lock, x_lock):
            counts['b'] += 1

def nested_bad():
    try:
        with acquire(x_lock):
            with acquire(y_lock):
                pass
        with acquire(y_lock):
            with acquire(x_lock):
                pass
    except RuntimeError as e:
        print('caught:', e)

t1 = threading.Thread(target=thread_1)
t2 = threading.Thread(target=thread_2)
t1.start(); t2.start(); t1.join(); t2.join()
print(counts)
ordered = sorted([x_lock, y_lock], key=id)
print(len(ordered), ordered[0] is not ordered[1])
