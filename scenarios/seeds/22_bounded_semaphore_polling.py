# Seed notes 003, semaphore: BoundedSemaphore(5) lets five of twenty threads work at a time.
# The main thread polls threading.active_count() in a busy loop until only it is left; here it
# prints the count only when it changes (the notes' loop prints on every iteration). The count
# drops by five every 0.1 s; releasing once more than acquired raises ValueError.
# Threads released together print in the scheduler's order (CPython: up to the OS).
# gilsim: expect=ok
import threading
import time

slots = threading.BoundedSemaphore(5)


def run(n):
    slots.acquire()
    time.sleep(0.1)
    print("run the thread:", n)
    slots.release()


for i in range(20):
    threading.Thread(target=run, args=(i,)).start()

last = None
while threading.active_count() != 1:
    count = threading.active_count()
    if count != last:
        print("active threads:", count)
        last = count
else:
    print("over")

try:
    slots.release()
except ValueError as e:
    print("ValueError:", e)
