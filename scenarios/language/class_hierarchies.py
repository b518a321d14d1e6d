# gilsim: expect=ok
# Class hierarchies as threaded programs build them: multiple inheritance with cooperative
# super() (C3 order), mixins on Thread and on exceptions, class keywords and
# __init_subclass__, abc's abstract methods, __slots__, function attributes and
# functools.wraps, and `...` as a body. Printed as CPython prints them, on every version.
import abc
import functools
import threading


class Component(object):
    def __init__(self, **options):
        self.trace = ["Component"]
        super().__init__(**options)

    def describe(self):
        return ["Component"]


class Buffered(Component):
    def __init__(self, size=1, **options):
        super().__init__(**options)
        self.size = size
        self.trace.append("Buffered")

    def describe(self):
        return ["Buffered(%d)" % self.size] + super().describe()


class Locked(Component):
    def __init__(self, **options):
        super(Locked, self).__init__(**options)
        self.lock = threading.Lock()
        self.trace.append("Locked")

    def describe(self):
        return ["Locked"] + super().describe()


class SafeBuffer(Buffered, Locked):
    def describe(self):
        with self.lock:
            return ["SafeBuffer"] + super().describe()


buf = SafeBuffer(size=4)
print(buf.describe())
print(buf.trace)
print([c.__name__ for c in SafeBuffer.__mro__])
print(SafeBuffer.__bases__ == (Buffered, Locked), SafeBuffer.__base__.__name__)
print(isinstance(buf, Locked), issubclass(SafeBuffer, Component), issubclass(Locked, Buffered))


class First(object):
    pass


class Second(First):
    pass


try:
    class Inconsistent(First, Second):
        pass
except TypeError as e:
    print("TypeError:", repr(str(e)))
try:
    class Twice(First, First):
        pass
except TypeError as e:
    print("TypeError:", e)


class NamedMixin:
    def label(self):
        return "<%s #%d>" % (self.name, self.index)


class Worker(NamedMixin, threading.Thread):
    results = []

    def __init__(self, index):
        threading.Thread.__init__(self, name="worker-%d" % index)
        self.index = index

    def run(self):
        Worker.results.append(self.label())


workers = [Worker(i) for i in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sorted(Worker.results))


class RetryMixin:
    def retry_hint(self):
        return "retry %s in %ds" % (self.args[0], self.delay)


class JobError(Exception):
    pass


class TransientError(RetryMixin, JobError):
    def __init__(self, job, delay):
        super().__init__(job)
        self.delay = delay


try:
    raise TransientError("fetch", 3)
except JobError as e:
    print(type(e).__name__, e, e.retry_hint(), isinstance(e, Exception))


class Plugin:
    registry = []

    def __init_subclass__(cls, kind="generic", **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry.append((cls.__name__, kind))

    @classmethod
    def create(cls):
        return cls()


class CsvPlugin(Plugin, kind="csv"):
    @classmethod
    def create(cls):
        made = super().create()
        return ("made", type(made).__name__)


class PlainPlugin(Plugin):
    pass


print(Plugin.registry, CsvPlugin.create())
try:
    class Odd(object, flavour="x"):
        pass
except TypeError as e:
    print("TypeError:", e)


class Task(abc.ABC):
    @abc.abstractmethod
    def run(self):
        ...

    @abc.abstractmethod
    def name(self):
        return "task"

    def __repr__(self):
        return "Task(%s)" % self.name()


class HalfTask(Task):
    def run(self):
        return 1


class FullTask(HalfTask):
    def name(self):
        return "full:" + super().name()


for cls in (Task, HalfTask, FullTask):
    try:
        print(cls())
    except TypeError as e:
        print("TypeError:", e)
print(sorted(Task.__abstractmethods__), isinstance(FullTask(), abc.ABC))


class Sensor(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def reading(self):
        pass


try:
    Sensor()
except TypeError as e:
    print("TypeError:", e)


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


class Point3(Point):
    __slots__ = ["z"]


class Tagged(Point):
    pass


p = Point(1)
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)
t = Tagged(2)
t.extra = "ok"
print(t.x, t.__dict__, Point.__slots__)
q = Point3(5)
q.z = 6
try:
    q.w = 7
except AttributeError as e:
    print("AttributeError:", e)


def counted(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        wrapper.calls += 1
        return fn(*args)

    wrapper.calls = 0
    return wrapper


@counted
def square(n):
    return n * n


print([square(i) for i in range(4)], square.calls, square.__name__, square.__wrapped__.__name__)
print(sorted(square.__dict__), Ellipsis, ... is Ellipsis)
