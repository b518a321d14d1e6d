# Modelled on tutorials showing that an exception in a thread does not stop the program,
# and how to capture it with threading.excepthook (3.8+).
import threading

errors = []


def hook(args):
    errors.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))


def bad():
    raise ValueError("something went wrong")


threading.excepthook = hook
t = threading.Thread(target=bad, name="bad-thread")
t.start()
t.join()
print("main continues; captured:", errors)
