# gilsim: expect=hang
# Hang: a worker takes the lock and returns on an early-exit path without releasing it.
# Nothing can ever release a Lock whose holder has finished, so main blocks forever.
import threading

state_lock = threading.Lock()
items = []


def worker():
    state_lock.acquire()
    if not items:
        print("worker: nothing to do, returning (lock still held)")
        return
    items.pop()
    state_lock.release()


t = threading.Thread(target=worker, name="worker")
t.start()
t.join()
print("main: taking the lock")
with state_lock:
    print("never printed")
