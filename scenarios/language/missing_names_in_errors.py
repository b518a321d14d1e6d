# gilsim: expect=ok
# A plugin loader's worker threads resolve hooks by attribute and report what was missing
# from the exception itself: from 3.10 an AttributeError carries `name` and `obj` and a
# NameError `name` (None when the script raised it without them). Exceptions take keyword
# arguments only where CPython's do (ImportError's name and path; 3.10's name/obj), with each
# release's TypeError otherwise.
import sys
import threading


class Plugin:
    def start(self):
        return "started"


class Broken:
    pass


report = []
lock = threading.Lock()


def resolve(plugin, hook):
    try:
        result = getattr(plugin, hook)()
    except AttributeError as e:
        if sys.version_info >= (3, 10):
            result = "missing %s on %s" % (e.name, type(e.obj).__name__)
        else:
            result = "missing: %s" % e
    with lock:
        report.append((type(plugin).__name__, hook, result))


jobs = [(Plugin(), "start"), (Plugin(), "stop"), (Broken(), "start")]
threads = [threading.Thread(target=resolve, args=job) for job in jobs]
for t in threads:
    t.start()
for t in threads:
    t.join()
for line in sorted(report):
    print(line)

if sys.version_info >= (3, 10):
    try:
        [].push(1)
    except AttributeError as e:
        print(repr(e.name), e.obj)
    try:
        undefined_hook()
    except NameError as e:
        print(repr(e.name))
    raised = AttributeError("custom")
    print(raised.name, raised.obj, AttributeError("x", name="n", obj=3).obj, NameError(name="q").name)

checks = [
    lambda: ImportError("no plugin", name="plugins.x", path="/srv/plugins").path,
    lambda: ValueError("bad", code=3),
    lambda: Plugin.__name__ and ImportError(reason=1),
    lambda: AttributeError("m", where=1),
]
for check in checks:
    try:
        print(repr(check()))
    except TypeError as e:
        print("TypeError:", e)
