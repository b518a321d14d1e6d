# Modelled on public examples that forward *args through wrappers to thread targets and
# log calls with a variable number of arguments.
import threading

results = []
results_lock = threading.Lock()


def log(prefix, *parts):
    with results_lock:
        results.append(prefix + ":" + ",".join(str(p) for p in parts))


def run_with(fn, *args):
    return fn(*args)


def worker(n, *extra):
    total = sum(extra)
    run_with(log, "w%d" % n, total, len(extra))
    return extra


def counter(*args):
    def inner():
        return len(args)
    return inner()


class Guard:
    def __init__(self):
        self.cond = threading.Condition()

    def __enter__(self):
        return self.cond.__enter__()

    def __exit__(self, *exc):
        return self.cond.__exit__(*exc)


def gen(*xs):
    for x in xs:
        yield x * 2


threads = [threading.Thread(target=worker, args=(i,) + tuple(range(i))) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print(counter(), counter(1, 2, 3), run_with(worker, 9), list(gen(1, 2, 3)))
guard = Guard()
with guard:
    guard.cond.notify_all()
    print("guarded", guard.cond._is_owned())
try:
    worker()
except TypeError as e:
    print("TypeError:", e)
