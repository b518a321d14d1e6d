# Only some schedules read the clock: the reader looks at the time when it runs first.
import threading
import time

flag = []


def setter():
    flag.append(1)


def reader():
    if flag:
        print("after")
    else:
        print("before", time.monotonic() > 0)


pair = [threading.Thread(target=setter), threading.Thread(target=reader)]
for t in pair:
    t.start()
for t in pair:
    t.join()
