# gilsim: expect=ok
# The methods classes inherit from object, BaseException, Thread and the containers, called
# by name: super().__repr__() / __str__() in a class's own (an exception that prefixes its
# message, a Thread subclass, a dict subclass), object.__eq__/__ne__/__hash__/__format__, and
# a class's own __getattribute__, which sees every attribute read (a proxy that forwards to
# a shared list under a lock, a class that counts reads), with __getattr__ after an
# AttributeError from it.
import threading


class AppError(Exception):
    def __str__(self):
        return "app: " + super().__str__()

    def __repr__(self):
        return "<" + super().__repr__() + ">"


class Worker(threading.Thread):
    def __repr__(self):
        return "Worker:" + super().__repr__().split(",")[0]


class Settings(dict):
    def __repr__(self):
        return "Settings" + super().__repr__()


class Point:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return isinstance(other, Point) and other.x == self.x

    __hash__ = object.__hash__


class LockedProxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_lock", threading.Lock())

    def __getattribute__(self, name):
        target = object.__getattribute__(self, "_target")
        attribute = getattr(target, name)
        if not callable(attribute):
            return attribute
        lock = object.__getattribute__(self, "_lock")

        def locked(*args):
            with lock:
                return attribute(*args)
        return locked


class Counted:
    def __init__(self):
        self.reads = {}
        self.value = 1

    def __getattribute__(self, name):
        if name != "reads":
            reads = object.__getattribute__(self, "reads")
            reads[name] = reads.get(name, 0) + 1
        if name == "hidden":
            raise AttributeError(name)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return "default " + name


try:
    raise AppError("disk full", 3)
except AppError as error:
    print(str(error), repr(error))
w = Worker(name="w1")
print(repr(w))
print(repr(Settings(debug=True)), str(Settings(a=1)))
p, q = Point(1), Point(1)
print(p == q, p != q, object.__eq__(p, q), object.__ne__(p, q), object.__eq__(p, p), hash(p) == object.__hash__(p))
print(object.__format__(p, "") == str(p), object.__repr__(p) == object.__str__(p))
try:
    format(p, ">10")
except TypeError as error:
    print("TypeError:", error)

shared = LockedProxy([])


def fill(base):
    for k in range(5):
        shared.append(base + k)


threads = [threading.Thread(target=fill, args=(b,)) for b in (0, 100)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(shared.__len__(), shared.count(3), sorted(object.__getattribute__(shared, "_target"))[:3])
c = Counted()
print(c.value, c.value, c.hidden, c.missing, sorted(c.reads.items()))
