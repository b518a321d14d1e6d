# gilsim: expect=hang
# Hang, lost wakeup: the worker waits on an Event nobody sets. No thread can run and no
# timeout is pending, so gilsim reports a hang naming the Event.wait() call, and the main
# thread waiting at interpreter exit for the non-daemon worker.
import threading

ready = threading.Event()


def worker():
    print("worker waits for the go signal")
    ready.wait()
    print("never printed")


threading.Thread(target=worker, name="worker").start()
print("main forgets to call ready.set()")
