# Modelled on Python feature tours in concurrency courses: class machinery a thread-safe codebase
# leans on — a registering metaclass with class keywords, an ABC, cooperative super() in a
# diamond, a slotted value type with operator overloading and __format__, __getattr__ /
# __setattr__ hooks, singledispatch on annotations, and a callable counter shared by threads.
import threading
import functools
import abc
import itertools

class Meta(type):
    registry = []
    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns, **kw)
        mcs.registry.append(name)
        return cls

class Base(metaclass=Meta):
    def __init_subclass__(cls, kind=None, **kw):
        super().__init_subclass__(**kw)
        cls.kind = kind

class Child(Base, kind="child"):
    pass

print(Meta.registry, Child.kind)

class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"

class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2

try:
    Shape()
except TypeError as e:
    print(e)
print(Sq(1.5).describe())

class A:
    def hello(self): return "A"
class B(A):
    def hello(self): return "B" + super().hello()
class C(A):
    def hello(self): return "C" + super().hello()
class D(B, C):
    def hello(self): return "D" + super().hello()
print(D().hello(), [k.__name__ for k in D.__mro__])

class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __radd__(self, o): return self if o == 0 else self + o
    def __iadd__(self, o): self.x += o.x; self.y += o.y; return self
    def __eq__(self, o): return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __format__(self, spec): return f"<{self.x:{spec}}, {self.y:{spec}}>"
    def __bool__(self): return bool(self.x or self.y)
    def __len__(self): return 2
    def __iter__(self): yield self.x; yield self.y
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __contains__(self, v): return v in (self.x, self.y)
    def __neg__(self): return Vec(-self.x, -self.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__

vs = [Vec(1, 2), Vec(3, 4)]
print(sum(vs), f"{vs[0]:.1f}", bool(Vec(0, 0)), len(vs[0]), list(vs[1]), 3 in vs[1], -vs[0], 2 * vs[0], vs[0] * 3)
v = Vec(1, 1); v += Vec(1, 1); print(v, {Vec(1, 2): "a"}[Vec(1, 2)], vs[0][1], tuple(Vec(5, 6)))

class Lazy:
    def __init__(self): self._data = {}
    def __getattr__(self, name):
        if name.startswith("_"): raise AttributeError(name)
        return self._data.setdefault(name, len(self._data))
    def __setattr__(self, name, value):
        if name != "_data": print("set", name)
        object.__setattr__(self, name, value)
l = Lazy(); print(l.foo, l.bar, l.foo); l.z = 1; print(getattr(l, "qq", None), hasattr(l, "_x"))

@functools.singledispatch
def show(x): return f"obj {x}"
@show.register(int)
def _(x): return f"int {x}"
@show.register
def _(x: list): return f"list {len(x)}"
print(show(1), show([1, 2]), show("s"))

class Counter:
    def __init__(self): self.n = 0; self.lock = threading.Lock()
    def __call__(self):
        with self.lock:
            self.n += 1
c = Counter()
ts = [threading.Thread(target=c) for _ in range(10)]
[t.start() for t in ts]; [t.join() for t in ts]
print(c.n, callable(c), isinstance(c, Counter), issubclass(D, A))

class Node:
    def __init__(self, v, nxt=None): self.v, self.nxt = v, nxt
    def __iter__(self):
        node = self
        while node:
            yield node.v
            node = node.nxt
print(list(Node(1, Node(2, Node(3)))), list(itertools.pairwise([1, 2, 3])) if hasattr(itertools, "pairwise") else "")
print(D.__name__, D.__qualname__, D.hello.__qualname__, Vec.__slots__, type(D()).__bases__)
