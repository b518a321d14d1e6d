# gilsim: expect=ok
# collections.ChainMap, functools.singledispatch/partialmethod/cached_property (3.8+, under
# an RLock until 3.12), __set_name__ (PEP 487), math.fmod/dist, time.strptime/tzname, a
# module's __name__, threading.ThreadError.
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
