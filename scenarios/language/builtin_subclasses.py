# gilsim: expect=ok
# Subclasses of dict and list: the instance is the container (items, len, iteration, repr,
# ==, `in`, `**`, operators) with the class's methods and attributes on top; `__missing__`;
# `super().__init__`; unhashable like the built-ins. A locked counter dict shared by threads.
import threading
class Registry(dict):
    def __missing__(self, key):
        value = self[key] = len(self)
        return value
r = Registry(a=10)
print(r["a"], r["x"], r["y"], r, len(r), dict(r), r == {"a": 10, "x": 1, "y": 2}, list(r), sorted(r.values()))
del r["x"]
print(r, "x" in r, r.get("y"), r.pop("y"), bool(r), bool(Registry()), isinstance(r, dict), type(r).__name__)
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), s + [4], s[0:2], list(reversed(s)), 2 in s, s == [1, 2, 3], sorted(s, reverse=True))
s.extend([7, 8]); s.pop(); s.remove(1); s.insert(0, 9); s.sort()
print(s, s.index(7), s.count(3), [x * 2 for x in s], sum(s), max(s))
class Tally(dict):
    def __init__(self, words):
        super().__init__()
        self.lock = threading.Lock()
        for w in words:
            self.add(w)
    def add(self, w):
        with self.lock:
            self[w] = self.get(w, 0) + 1
t = Tally("a b a c a".split())
print(t, t.items(), sorted(t.items(), key=lambda kv: -kv[1])[0], {**t}, t.lock.locked())
for k, v in t.items():
    print(k, v)
class L(list):
    def __init__(self, *items):
        super().__init__(items)
print(L(1, 2, 3), str(L(4)), repr(L()))
s = type("S", (list,), {})([1]); t = s; s += [2]; print(s is t, s, type(s).__name__, s * 2, s + s)
tally = Tally([])


def count(words):
    for w in words:
        tally.add(w)


workers = [threading.Thread(target=count, args=(chunk.split(),)) for chunk in ("x y x", "y z", "x")]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sorted(tally.items()), len(tally), isinstance(tally, dict))
try:
    {Registry(): 1}
except TypeError as e:
    print("TypeError:", e)
