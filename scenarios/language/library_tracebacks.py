# gilsim: expect=exception
# Errors raised inside queue.py and threading.py, as worker pools meet them: a worker whose
# `get(timeout=...)` runs dry dies with `_queue.Empty`, `put_nowait` on a full queue,
# `task_done()` once too often, a PriorityQueue of tasks that do not compare, a Condition
# notified without its lock, a BoundedSemaphore
# released twice, a Barrier that times out or is aborted, a thread started twice or joined
# before it starts. Each report shows the library's own frames at CPython's lines, per release.
import queue
import threading
import traceback

jobs = queue.Queue()
for n in range(3):
    jobs.put(n)


def drain(name):
    while True:
        job = jobs.get(timeout=0.05)
        print(name, "did job", job)
        jobs.task_done()


worker = threading.Thread(target=drain, args=("w1",), name="drainer")
worker.start()
worker.join()
print("queue drained, worker alive:", worker.is_alive())

small = queue.Queue(maxsize=1)
small.put("first")
try:
    small.put_nowait("second")
except queue.Full:
    traceback.print_exc()
try:
    small.put("third", timeout=0.01)
except queue.Full:
    print("still full:", small.qsize())

try:
    jobs.task_done()
except ValueError:
    traceback.print_exc()

cond = threading.Condition()
try:
    cond.notify_all()
except RuntimeError as e:
    print("notify_all:", e)
    traceback.print_exc()

class Task:
    pass


ranked = queue.PriorityQueue()
ranked.put((1, Task()))
try:
    ranked.put((1, Task()))
except TypeError:
    traceback.print_exc()
ranked.queue[:] = [(0, Task()), (1, Task()), (1, Task())]
try:
    ranked.get()
except TypeError:
    traceback.print_exc()

pool = threading.BoundedSemaphore(2)
with pool:
    pass
try:
    pool.release()
except ValueError:
    traceback.print_exc()

gate = threading.Barrier(2, timeout=0.02)


def lonely():
    gate.wait()


t = threading.Thread(target=lonely, name="lonely")
t.start()
t.join()
print("gate broken:", gate.broken)

late = threading.Thread(target=lambda: None)
try:
    late.join()
except RuntimeError:
    traceback.print_exc()
late.start()
late.join()
try:
    late.start()
except RuntimeError as e:
    print("restart:", e)

stop = threading.Barrier(3)


def waiter():
    try:
        stop.wait()
    except threading.BrokenBarrierError:
        traceback.print_exc()


w = threading.Thread(target=waiter)
w.start()
stop.abort()
w.join()
stop.wait()
