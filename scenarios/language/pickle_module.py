# gilsim: expect=ok
# pickle.dumps makes CPython's bytes for every protocol of the release (0-4, 0-5 from 3.8):
# ints of any size, floats, str, bytes, bytearray, containers with shared and cyclic parts,
# classes and functions by name (nested ones through getattr), instances through
# __reduce__, __getstate__/__setstate__, __slots__ or their __dict__, enum members,
# namedtuples, dataclasses, the collections types, Decimal, range and slice, frames cut at
# 64 KiB; loads reads them back, and dump/load one pickle after another from a file. What
# cannot be pickled is refused with CPython's error.
import os
import pickle
import tempfile
import threading
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum


@dataclass(frozen=True)
class Config:
    name: str
    retries: int = 3
    tags: list = field(default_factory=list)


class Color(Enum):
    RED = 1


class Outer:
    class Inner:
        pass


Pair = namedtuple("Pair", "a b")


class Plain:
    def __init__(self):
        self.x = 1


class Empty:
    pass


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a, self.b = 1, 2


class WithLock:
    def __init__(self):
        self.lock = threading.Lock()
        self.n = 5

    def __getstate__(self):
        return {"n": self.n}

    def __setstate__(self, state):
        self.n = state["n"]
        self.lock = threading.Lock()


shared = [1, 2]
data = {"a": shared, "b": shared, "t": (shared,), "s": "x" * 300}
cycle = [1]
cycle.append(cycle)
values = [None, True, False, 0, 255, 256, 65535, 65536, -1, 2 ** 31, 2 ** 100, -2 ** 70, 1.5,
          "", "naïve 日本", b"", b"\x00\xff", bytearray(b"ab"), (), (1,), (1, 2, 3, 4), set(),
          {3}, frozenset([4]), [], {}, data, cycle, Plain(), Empty(), Color.RED, Pair(1, 2),
          Outer.Inner, Config("x"), WithLock(), len, OrderedDict(a=1), defaultdict(list, k=[1]),
          Counter("hello"), deque([1, 2], maxlen=5), deque(), Decimal("1.50"), range(3),
          slice(1, 2)]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for value in values:
        data_bytes = pickle.dumps(value, proto)
        back = pickle.loads(data_bytes)
        print(proto, type(value).__name__, len(data_bytes), data_bytes, type(back).__name__)
for proto in range(2):
    try:
        pickle.dumps(Slotted(), proto)
    except TypeError as e:
        print(proto, "TypeError:", e)
print(pickle.dumps(Slotted(), 2))
copy = pickle.loads(pickle.dumps(data))
print(copy == data, copy["a"] is copy["b"], copy["t"][0] is copy["a"])
again = pickle.loads(pickle.dumps(cycle))
print(again[1] is again, pickle.loads(pickle.dumps(WithLock())).lock.locked())
big = pickle.dumps(list(range(20000)))
print(len(big), big[:20], pickle.loads(big)[-1])
large = pickle.dumps([b"y" * 70000, "z" * 70000])
print(len(large), large[:24], len(pickle.loads(large)[1]))
for bad in (threading.Lock(), lambda: 0):
    try:
        pickle.dumps(bad)
    except Exception as e:
        print(type(e).__name__, str(e).split(" at ")[0])


def outer():
    def inner():
        pass
    return inner


try:
    pickle.dumps(outer())
except AttributeError as e:
    print("AttributeError:", e)
path = os.path.join(tempfile.mkdtemp(), "state.pkl")
with open(path, "wb") as f:
    pickle.dump({"jobs": [1, 2, 3]}, f)
    pickle.dump("second", f)
with open(path, "rb") as f:
    print(pickle.load(f), pickle.load(f))
    try:
        pickle.load(f)
    except EOFError as e:
        print("EOFError:", e)
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL, issubclass(pickle.PicklingError, pickle.PickleError))
# Attribute names are interned and one-character strings shared, in CPython: the memo
# fetches them after their first time.
print(pickle.dumps([Plain(), Plain(), Config("a"), Config("b")]))
print(pickle.dumps(list("abca") + "x y x".split()))
for junk in (b"garbage", b"\x80\x04K", b"h\x05.", b"a.", b"N", b"(.", b"\x80\x06N.", b"e.", b"(K\x01u.",
             b"R."):
    try:
        pickle.loads(junk)
    except Exception as e:
        print(type(e).__name__, e)
