# gilsim: expect=ok
# Who runs once Thread.start() returns: the child appends to a list, the parent reads its
# length as soon as start() returns. Under the new GIL (3.2+) the child has the GIL and keeps
# it for a switch interval, enough to finish: the parent reads 2001. Under 2.7's old GIL the
# child acquires a lock right after waking its parent, every 2.7 acquire releases the GIL, and
# the parent (awake, reaching for it) takes it about half the time: it reads 0 then (CPython
# 2.7 on two idle cores: 46 of 90 runs).
import threading

appended = []


def child():
    appended.append(threading.current_thread().name)
    for i in range(2000):
        appended.append(i)


t = threading.Thread(target=child)
t.start()
seen = len(appended)
t.join()
print("items when start() returned:", "none" if seen == 0 else "some" if seen < 2001 else "all")
