# gilsim: expect=ok
# copy.copy and copy.deepcopy as CPython's Lib/copy.py: containers and atomic values
# directly, other objects through __copy__/__deepcopy__ or their reduction, so that
# deep-copying an object that holds a lock (directly, in a dataclass field through
# dataclasses.asdict, or in an Event/Condition) fails with pickling's TypeError, per
# release; namedtuples, __slots__, list subclasses, cycles and exceptions copy as in CPython.
import copy, threading, collections, dataclasses

class Settings:
    def __init__(self):
        self.name = "cfg"
        self.values = [1, [2, 3]]
        self.lock = threading.Lock()

c = Settings()
shallow = copy.copy(c)
print(shallow.values is c.values, shallow.lock is c.lock, type(shallow).__name__)
try:
    copy.deepcopy(c)
except TypeError as e:
    print("TypeError:", e)
for obj in [threading.RLock(), threading.Event(), threading.Condition(), threading.local()]:
    try:
        copy.deepcopy(obj)
        print("copied", type(obj).__name__)
    except TypeError as e:
        print(type(obj).__name__, "TypeError:", e)
try:
    copy.copy(threading.Lock())
except TypeError as e:
    print("copy lock:", e)
Point = collections.namedtuple("Point", "x y")
p = copy.deepcopy(Point(1, [2]))
print(p, type(p).__name__)
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = [1]
s = copy.deepcopy(Slotted())
print(s.a, hasattr(s, "b"))
class Custom:
    def __init__(self, v): self.v = v
    def __deepcopy__(self, memo): return Custom(self.v * 2)
    def __reduce__(self): return (Custom, (self.v + 100,))
print(copy.deepcopy(Custom(1)).v, copy.copy(Custom(1)).v)
d = {"a": [1, 2], "b": (3, [4])}
d["self"] = d
e = copy.deepcopy(d)
print(e["self"] is e, e["b"][1] is d["b"][1], e["a"] == d["a"])
t = (1, 2, "x")
print(copy.deepcopy(t) is t, copy.copy([1, 2]) == [1, 2])
class Sub(list):
    pass
sl = Sub([1, [2]]); sl.tag = "t"
c2 = copy.deepcopy(sl)
print(type(c2).__name__, c2, c2.tag, c2[1] is sl[1])
@dataclasses.dataclass
class Job:
    name: str
    lock: threading.Lock = dataclasses.field(default_factory=threading.Lock)
try:
    dataclasses.asdict(Job("x"))
except TypeError as e:
    print("asdict:", e)
@dataclasses.dataclass
class P:
    xs: list
    pt: Point
print(dataclasses.asdict(P([1, {"k": (2,)}], Point(1, 2))), dataclasses.astuple(P([1], Point(3, 4))))
def gen():
    yield 1
try:
    copy.deepcopy(gen())
except TypeError as e:
    print("gen:", e)
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
try:
    copy.deepcopy(E(1, 2))
except TypeError as err:
    print("E:", err)
print(copy.deepcopy(ValueError("v", 2)).args, copy.deepcopy({1, 2, 3}), copy.deepcopy(frozenset([1])))
print(copy.deepcopy(Custom(3).__init__).__self__.v, copy.deepcopy(len) is len)
