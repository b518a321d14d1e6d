# Modelled on printing numbers in turn from three threads with one Condition.
import threading

cond = threading.Condition()
turn = 0
out = []


def printer(idx, count):
    global turn
    for i in range(count):
        with cond:
            cond.wait_for(lambda: turn == idx)
            out.append("T%d:%d" % (idx, i))
            turn = (turn + 1) % 3
            cond.notify_all()


threads = [threading.Thread(target=printer, args=(i, 4)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(" ".join(out))
