# F10: five waiters notified one at a time resume in the order they waited. F11: a bounded
# buffer of size 2 on a Condition passes 0..9 from a producer to a consumer in order. F12: ten
# threads through Semaphore(3) never have more than three inside.
# gilsim: expect=ok
import threading
import time

cond = threading.Condition()
resumed = []


def waiter(i):
    with cond:
        cond.wait()
        resumed.append(i)


ws = []
for i in range(5):
    w = threading.Thread(target=waiter, args=(i,))
    w.start()
    ws.append(w)
    time.sleep(0.05)
for _ in range(5):
    with cond:
        cond.notify()
    time.sleep(0.05)
for w in ws:
    w.join()
print("F10", resumed)

buffer = []
received = []


def produce():
    for i in range(10):
        with cond:
            cond.wait_for(lambda: len(buffer) < 2)
            buffer.append(i)
            cond.notify_all()


def consume():
    for _ in range(10):
        with cond:
            cond.wait_for(lambda: buffer)
            received.append(buffer.pop(0))
            cond.notify_all()


pair = [threading.Thread(target=produce), threading.Thread(target=consume)]
for t in pair:
    t.start()
for t in pair:
    t.join()
print("F11", received)

sem = threading.Semaphore(3)
guard = threading.Lock()
inside = 0
most = 0


def visit():
    global inside, most
    with sem:
        with guard:
            inside += 1
            most = max(most, inside)
        time.sleep(0.05)
        with guard:
            inside -= 1


visitors = [threading.Thread(target=visit) for _ in range(10)]
for v in visitors:
    v.start()
for v in visitors:
    v.join()
print("F12 most inside at once:", most)
