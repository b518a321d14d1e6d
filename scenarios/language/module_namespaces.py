# A task runner that finds its task functions by name in the module's namespace, as small
# scripts do (`globals()[name]`, `getattr(sys.modules[__name__], name)`), reports with
# `"..." % locals()` and `str.format(**locals())`, and checks what was imported through
# `sys.modules`. The namespaces as CPython shows them: `locals()` in a function is a copy of
# its bound variables (closure cells too), in a class body the namespace being built, at
# module level the module's globals after CPython's dunders; `vars()` is `locals()`.
# gilsim: expect=ok
import sys
import threading

import __main__

results = {}
results_lock = threading.Lock()


def task_square(n):
    return n * n


def task_double(n):
    return n + n


def run(name, n):
    func = globals()["task_" + name]
    same = getattr(sys.modules[__name__], "task_" + name)
    value = func(n)
    with results_lock:
        results[name] = value
    report = "%(name)s(%(n)d) = %(value)d" % locals()
    print(report, func is same, "{name}/{n}".format(**locals()))


def closure_scope():
    outer = "kept"

    def inner(extra=1):
        seen = outer
        return sorted(locals().items())

    print(inner(), sorted(vars()))


class Settings:
    retries = 3
    backoff = retries * 2
    print("class body:", [k for k in locals() if not k.startswith("__")])


threads = [threading.Thread(target=run, args=(name, 7)) for name in ("square", "double")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
closure_scope()

print("task functions:", sorted(k for k in globals() if k.startswith("task_")))
print("module dunders:", list(globals())[:9])
print("names:", globals()["__name__"], __main__.__name__, locals() == globals())
print("queue imported?", "queue" in sys.modules)
import queue  # noqa: E402

print("queue imported?", "queue" in sys.modules, sys.modules["queue"] is queue)
print("threading:", sys.modules["threading"] is threading, "__main__" in sys.modules)
__main__.late = "set through __main__"
print(late, __main__.results is results, hasattr(__main__, "missing"))
print(type(sys.modules).__name__, type(globals()).__name__, type(locals()).__name__)
