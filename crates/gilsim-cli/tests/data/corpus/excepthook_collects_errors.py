# Modelled on threading.excepthook examples that collect thread failures.
import threading

caught = []

def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))

threading.excepthook = hook

def fail(n):
    if n % 2:
        raise ValueError("odd input %d" % n)
    return n

threads = [threading.Thread(target=fail, args=(n,), name="t%d" % n) for n in range(4)]
for t in threads:
    t.start()
    t.join()
print(sorted(caught))
threading.excepthook = threading.__excepthook__
print(threading.excepthook is threading.__excepthook__)
