# Modelled on "thread-safe collections" examples built on collections.UserDict and UserList (a
# lock around __setitem__, a stack subclass), a formatter dispatching with
# functools.singledispatchmethod from several threads, operator's in-place functions and
# slice objects.
import threading
from collections import UserDict, UserList
class LockedDict(UserDict):
    def __init__(self, *a, **k):
        self.lock = threading.Lock()
        self.writes = 0
        super().__init__(*a, **k)
    def __setitem__(self, key, value):
        with self.lock:
            self.writes += 1
            self.data[key] = value
d = LockedDict({"a": 1}, b=2)
def fill(base):
    for i in range(50):
        d[f"{base}{i % 5}"] = i
ts = [threading.Thread(target=fill, args=(c,)) for c in "xy"]
for t in ts: t.start()
for t in ts: t.join()
print(len(d), d.writes, d["x4"], "a" in d, sorted(d)[:4], d.get("zz", 0), isinstance(d, UserDict))
print(LockedDict.fromkeys("pq", 0), dict(d)["b"], list(d.items())[:2])
class Stack(UserList):
    def push(self, x): self.append(x)
s = Stack([1, 2])
s.push(3); s += [4]
print(s, s[1:], type(s[1:]).__name__, len(s), s.pop(), s + [9], 2 * Stack([0]), s == [1, 2, 3], sorted(Stack([3, 1, 2])))
import functools
import operator
class Formatter:
    def __init__(self, prefix): self.prefix = prefix
    @functools.singledispatchmethod
    def fmt(self, arg):
        return f"{self.prefix}:obj:{arg!r}"
    @fmt.register
    def _(self, arg: int):
        return f"{self.prefix}:int:{arg}"
    @fmt.register(list)
    def _(self, arg):
        return f"{self.prefix}:list:{len(arg)}"
f = Formatter("F")
out = []
ts = [threading.Thread(target=lambda v=v: out.append(f.fmt(v))) for v in (1, [1, 2], "s")]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(out), Formatter.fmt.__name__ if hasattr(Formatter.fmt, "__name__") else "")
x = [1]; y = operator.iadd(x, [2]); print(x, y is x, operator.ior({1}, {2}), operator.inv(5), operator.length_hint([1, 2, 3]), operator.call(max, 1, 2) if hasattr(operator, "call") else 2)
print(operator.imod(7, 3), operator.ipow(2, 5), operator.ilshift(1, 4), operator.itruediv(1, 4), operator.iconcat([1], [2]))
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), list(range(20))[s], s.indices(6), slice(None, None, -1).indices(4), isinstance(s, slice), "abcdef"[slice(2, None)])
