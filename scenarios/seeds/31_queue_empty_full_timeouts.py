# Seed notes 004, queue operations: empty/full/qsize, a bounded queue, put/get with block=False
# and timeouts raising queue.Full / queue.Empty, task_done/join, and the last line of the
# notes' demo — get(block=False) on an empty queue — left uncaught: the script ends with
# `_queue.Empty` and exit status 1.
# gilsim: expect=exception
import queue

q = queue.Queue()
print("empty:", q.empty())
for item in ("d1", "d2", "d3", "d4"):
    q.put(item)
print("full:", q.full(), "size:", q.qsize())
print(q.get(), q.get(), q.get(), q.get())
try:
    q.get(timeout=1)
except queue.Empty:
    print("get(timeout=1) on an empty queue: Empty")
try:
    q.get_nowait()
except queue.Empty:
    print("get_nowait(): Empty")

small = queue.Queue(maxsize=2)
small.put(1)
small.put(2)
print("full:", small.full())
try:
    small.put(3, timeout=0.5)
except queue.Full:
    print("put(timeout=0.5) on a full queue: Full")
try:
    small.put(3, block=False)
except queue.Full:
    print("put(block=False): Full")
try:
    small.put(3, timeout=-1)
except ValueError as e:
    print("ValueError:", e)
small.get()
small.task_done()
small.get()
small.task_done()
small.join()
print("join() returned; unfinished tasks:", small.unfinished_tasks)
try:
    small.task_done()
except ValueError as e:
    print("ValueError:", e)
print("size:", q.qsize())
print(q.get(block=False))
