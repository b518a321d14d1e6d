# Modelled on collecting thread failures with threading.excepthook.
import threading

failures = []


def hook(args):
    failures.append((args.thread.name, args.exc_type.__name__, str(args.exc_value)))


threading.excepthook = hook


def bad(kind):
    if kind == "key":
        {}["missing"]
    elif kind == "zero":
        1 / 0
    else:
        raise RuntimeError("custom failure")


for kind in ("key", "zero", "other"):
    t = threading.Thread(target=bad, args=(kind,), name="job-" + kind)
    t.start()
    t.join()
for f in failures:
    print(*f, sep=" | ")
threading.excepthook = threading.__excepthook__
print(threading.excepthook is threading.__excepthook__)
