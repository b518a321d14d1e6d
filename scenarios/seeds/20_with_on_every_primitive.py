# Seed notes 002, "with": every object with acquire()/release() works as a context manager —
# Lock, RLock, Condition, Semaphore, BoundedSemaphore. Entering acquires, leaving releases,
# also when the block raises.
# gilsim: expect=ok
import threading

for label, primitive in [
    ("Lock", threading.Lock()),
    ("RLock", threading.RLock()),
    ("Condition", threading.Condition()),
    ("Semaphore", threading.Semaphore(2)),
    ("BoundedSemaphore", threading.BoundedSemaphore(1)),
]:
    with primitive:
        print(label, "entered")
    try:
        with primitive:
            raise ValueError(label)
    except ValueError as e:
        print("released after", e)

lock = threading.Lock()
with lock:
    print("inside: locked =", lock.locked())
print("outside: locked =", lock.locked())
sem = threading.BoundedSemaphore(1)
with sem:
    print("non-blocking acquire while held:", sem.acquire(False))
print("after the block:", sem.acquire(False))
