# gilsim: expect=hang
# Hang: main joins a worker that waits for a semaphore nobody releases. Main's join() waits
# on a thread that is itself blocked forever.
import threading

permits = threading.Semaphore(0)


def worker():
    print("worker: waiting for a permit")
    permits.acquire()
    print("never printed")


t = threading.Thread(target=worker, name="worker")
t.start()
print("main: joining the worker")
t.join()
print("never printed")
