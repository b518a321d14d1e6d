# gilsim: expect=ok
# collections.ChainMap, functools.singledispatch/partialmethod/cached_property (3.8+, under
# an RLock until 3.12), __set_name__ (PEP 487), math.fmod/dist, time.strptime/tzname, a
# module's __name__, threading.ThreadError, contextlib.redirect_stdout/redirect_stderr, os.path.
import collections
import functools
import math
import sys
import threading
import time

defaults = {"colour": "red", "size": 3}
overrides = {"size": 5}
settings = collections.ChainMap(overrides, defaults)
print(settings["colour"], settings["size"], len(settings), sorted(settings), settings)
child = settings.new_child({"colour": "blue"})
child["shape"] = "round"
print(child["colour"], child.parents["colour"], sorted(child.items()), "shape" in settings)


@functools.singledispatch
def describe(x):
    return "object %r" % (x,)


@describe.register(int)
def _(x):
    return "int %d" % x


@describe.register(list)
def _(x):
    return "list of %d" % len(x)


print(describe(3), describe([1, 2]), describe("s"), describe(True), describe.dispatch(bool).__name__)


class Counter:
    def __init__(self):
        self.value = 0

    def add(self, n):
        self.value += n

    bump = functools.partialmethod(add, 10)


c = Counter()
c.bump()
c.add(1)
print(c.value)


class Field:
    def __set_name__(self, owner, name):
        self.name = "%s.%s" % (owner.__name__, name)

    def __get__(self, instance, owner=None):
        return self.name


class Record:
    first = Field()
    second = Field()


print(Record().first, Record.second)

if sys.version_info >= (3, 8):

    class Report:
        def __init__(self, n):
            self.n = n
            self.calls = 0

        @functools.cached_property
        def total(self):
            self.calls += 1
            time.sleep(0.01)
            return sum(range(self.n))

    report = Report(100)
    readers = [threading.Thread(target=lambda: report.total) for _ in range(4)]
    for t in readers:
        t.start()
    for t in readers:
        t.join()
    # One computation under 3.8-3.11's lock; every reader that got there first from 3.12.
    print(report.total, "computed", report.calls if sys.version_info < (3, 12) else "per reader", "total" in vars(report))
    print(math.dist((0, 0), (3, 4)))

print(math.fmod(7.5, -2), math.fmod(-7, 3), time.tzname, time.strptime("2023-07-04 08:30", "%Y-%m-%d %H:%M"))
print(threading.__name__, collections.__name__, threading.ThreadError is RuntimeError)

# print() follows a replaced sys.stdout (contextlib.redirect_stdout, or assigned), in every thread.
import contextlib
import io

captured = io.StringIO()
with contextlib.redirect_stdout(captured):
    print("captured", 1)
    sys.stdout.write("direct\n")
    worker = threading.Thread(target=print, args=("from a worker",))
    worker.start()
    worker.join()
print("after:", repr(captured.getvalue()), sys.stdout is sys.__stdout__)
errors = io.StringIO()
with contextlib.redirect_stderr(errors):
    print("to err", file=sys.stderr)
print(repr(errors.getvalue()), sys.byteorder)

# os.path's string functions (the simulated machine has no files).
import os

for p in ["/usr/lib/python3/threading.py", "data/file.tar.gz", ".bashrc", "a/b/", "/", ""]:
    print(repr(p), os.path.split(p), os.path.splitext(p), os.path.basename(p), os.path.dirname(p), os.path.isabs(p))
print(os.path.join("a", "b", "c.txt"), os.path.join("/x", "/y", "z"), os.path.normpath("/a//b/./c/../d/"))
print(os.path.normpath("../../x/./y"), os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.relpath("/a/b/c", "/a/x"))
