# gilsim: expect=ok
# Code written against the low-level thread module's old names — _thread.allocate(),
# start_new(), exit() (SystemExit, which ends the thread quietly), error, RLock — and a spin
# wait that gives the GIL away with os.sched_yield() instead of sleeping; os.error is
# OSError, and os.access answers over the run's files.
import _thread
import os
import threading
import time

print(_thread.allocate is _thread.allocate_lock, _thread.error is RuntimeError, _thread.RLock.__name__)
done = _thread.allocate()
done.acquire()
steps = []


def worker(label):
    steps.append(label)
    done.release()
    _thread.exit()
    steps.append("never")


_thread.start_new(worker, ("low-level",))
done.acquire()
time.sleep(0.01)
print(steps)

ready = []


def spinner():
    spins = 0
    while not ready:
        spins += 1
        os.sched_yield()
    print("spinner saw the flag")


t = threading.Thread(target=spinner)
t.start()
time.sleep(0.001)
ready.append(True)
t.join()

with open("marker.txt", "w") as f:
    f.write("ok")
print(os.access("marker.txt", os.R_OK), os.access("marker.txt", os.X_OK), os.access(".", os.X_OK),
      os.access("absent.txt", os.F_OK), os.SEEK_SET, os.SEEK_END)
os.remove("marker.txt")
try:
    os.remove("marker.txt")
except os.error as error:
    print("os.error:", type(error).__name__, error.errno)
try:
    _thread.exit()
except SystemExit as exit_request:
    print("SystemExit", exit_request.args)
