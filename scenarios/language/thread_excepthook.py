# gilsim: expect=exception
# threading.excepthook (3.8+): a script's hook gets each exception that escapes a thread's
# run(), with the exception's type, value and the thread; SystemExit never reaches it; the
# default hook prints CPython's report. Before 3.8 there is no hook to call: the report is
# printed and the assignment is just an attribute.
import sys
import threading

caught = []


def remember(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))


def fail(kind):
    if kind == "value":
        raise ValueError("bad value")
    if kind == "exit":
        sys.exit(3)
    raise KeyError(kind)


original = getattr(threading, "excepthook", None)
threading.excepthook = remember
for kind in ["value", "exit", "missing"]:
    t = threading.Thread(target=fail, args=(kind,), name="worker-" + kind)
    t.start()
    t.join()
print("caught:", caught)

if original is not None:
    threading.excepthook = original
    t = threading.Thread(target=fail, args=("value",), name="default-hook")
    t.start()
    t.join()


def broken_hook(args):
    raise RuntimeError("hook failed")


if original is not None:
    threading.excepthook = broken_hook
    t = threading.Thread(target=fail, args=("value",), name="broken")
    t.start()
    t.join()
print("main done")
