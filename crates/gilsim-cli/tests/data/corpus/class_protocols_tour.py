# Modelled on Python tutorials of classes: an ABC, total_ordering, __slots__, the MRO of a
# diamond, iterator and container protocols, custom exceptions, str and bytes methods.
import abc, functools, threading

class Base(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @property
    def kind(self):
        return type(self).__name__.lower()

try:
    Base()
except TypeError as e:
    print(e)

@functools.total_ordering
class Sq(Base):
    __slots__ = ("side",)
    count = 0
    def __init__(self, side):
        self.side = side
        Sq.count += 1
    def area(self):
        return self.side ** 2
    def __eq__(self, o):
        return self.side == o.side
    def __lt__(self, o):
        return self.side < o.side
    def __hash__(self):
        return hash(self.side)
    def __repr__(self):
        return f"Sq({self.side})"
    @classmethod
    def unit(cls):
        return cls(1)
    @staticmethod
    def describe():
        return "square"

s = [Sq(3), Sq(1), Sq(2)]
print(sorted(s), max(s), Sq(2) >= Sq(1), Sq.unit(), Sq.describe(), s[0].kind, Sq.count, len({Sq(1), Sq(1)}))
try:
    s[0].color = "red"
except AttributeError as e:
    print(e)
class A:
    def hello(self): return "A"
class B(A):
    def hello(self): return "B" + super().hello()
class C(A):
    def hello(self): return "C" + super().hello()
class D(B, C):
    def hello(self): return "D" + super().hello()
print(D().hello(), [k.__name__ for k in D.__mro__])
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0: raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), 2 in Countdown(3))
class Matrix:
    def __init__(self, rows): self.rows = rows
    def __getitem__(self, ij): i, j = ij; return self.rows[i][j]
    def __len__(self): return len(self.rows)
    def __matmul__(self, o): return "matmul"
    def __call__(self, *a, **k): return (a, k)
    def __bool__(self): return bool(self.rows)
m = Matrix([[1, 2], [3, 4]])
print(m[1, 0], len(m), m @ m, m(1, x=2), bool(Matrix([])))
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(f"[{code}] {msg}")
        self.code = code
try:
    raise AppError(404, "missing")
except AppError as e:
    print(e, e.code, e.args, repr(e))
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
print("a,b,c".partition(","), "a b c".rsplit(" ", 1), "7".zfill(3), "hi".center(6, "*"), "hello world".title(), "ß".casefold(), "a\tb".expandtabs(4))
print(b"\x01\xff".hex(), bytes.fromhex("01ff"), (1024).to_bytes(2, "big"), int.from_bytes(b"\x04\x00", "little"), "é".encode(), b"caf\xc3\xa9".decode())
print(isinstance(threading.Lock(), type(threading.Lock())), type(threading.Lock()).__name__, type(threading.RLock()).__name__)
x = 10
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner
f = outer(); f(); print(f(), x)
print(*range(3), sep="-", end="!\n")
print("{0[0]} {1[k]} {2.real}".format([1], {"k": 2}, 3))
