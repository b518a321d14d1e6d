# Modelled on beginner threading tutorials that start with `from threading import *` and
# `from time import *`: ticket sellers share a counter under a Lock, a Condition wakes an
# auditor, and a Queue collects receipts. The sellers' pauses never coincide near the last
# ticket (the 18th sale, at 92 ms, is 8 ms from the next), so a loaded machine does not
# change who sells it.
from threading import *
from time import *
from queue import *

tickets = 18
sold = {}
lock = Lock()
cond = Condition(lock)
receipts = Queue()


def seller(name, pause):
    global tickets
    while True:
        with lock:
            if tickets <= 0:
                cond.notify_all()
                break
            tickets -= 1
            sold[name] = sold.get(name, 0) + 1
            receipts.put((name, tickets))
        sleep(pause)


def auditor():
    with cond:
        while tickets > 0:
            cond.wait()
    print("auditor: sold out at", current_thread().name)


sellers = [Thread(target=seller, args=("seller-%d" % i, (0.010, 0.023, 0.037)[i]), name="seller-%d" % i) for i in range(3)]
watcher = Thread(target=auditor, name="auditor")
watcher.start()
for t in sellers:
    t.start()
for t in sellers:
    t.join()
watcher.join()

count = 0
while True:
    try:
        receipts.get_nowait()
        count += 1
    except Empty:
        break
print("receipts:", count, "left:", tickets)
print("per seller:", sorted(sold.items()))
print("threads alive:", active_count(), "main:", main_thread().name)
