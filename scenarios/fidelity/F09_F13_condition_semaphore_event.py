# F9 Condition misuse and timeouts, F12 Semaphore values and errors, F13 Event.
# gilsim: expect=ok
import threading

c = threading.Condition()
for call in (c.wait, c.notify):
    try:
        call()
    except RuntimeError as e:
        print("RuntimeError:", e)
with c:
    print(c.wait(0.01))
    print(c.wait_for(lambda: 0, 0.01))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    threading.BoundedSemaphore(2).release()
except ValueError as e:
    print("ValueError:", e)
print(threading.Semaphore(0).acquire(timeout=0.01))
try:
    threading.Semaphore(0).acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    threading.Semaphore(1).release(0)
except ValueError as e:
    print("ValueError:", e)
e = threading.Event()
print(e.wait(0.01))
e.set()
print(e.wait(), e.is_set())
results = []
flag = threading.Event()
waiters = [threading.Thread(target=lambda: results.append(flag.wait())) for _ in range(3)]
for w in waiters:
    w.start()
flag.set()
for w in waiters:
    w.join()
print("three waiters released:", results)
