# gilsim: expect=ok
# Method and attribute lookups that the interpreter caches, checked against what Python
# answers: hundreds of classes and names looked up in turn (more than the caches hold, so
# entries are evicted and made again), methods replaced and deleted on a class and on its
# base while instances use them, attributes set in a different order per instance, and a
# method loaded as an attribute and called with spread arguments.
import threading


def make_class(i):
    def method(self, x):
        return x + i

    namespace = {"m%d" % k: method for k in range(8)}
    return type("C%d" % i, (object,), namespace)


classes = [make_class(i) for i in range(64)]
instances = [cls() for cls in classes]
total = 0
for round_ in range(3):
    for k in range(8):
        for obj in instances:
            total += getattr(obj, "m%d" % k)(round_)
        for obj in instances[::7]:
            total += obj.m0(1) + obj.m7(2)
print("many lookups", total)


class Base:
    def greet(self):
        return "base"


class Sub(Base):
    pass


s = Sub()
seen = [s.greet()]
Sub.greet = lambda self: "sub"
seen.append(s.greet())
del Sub.greet
seen.append(s.greet())
Base.greet = lambda self: "new base"
seen.append(s.greet())
s.greet = lambda: "own"
seen.append(s.greet())
print("replaced", seen)


class Point:
    def __init__(self, order):
        for name in order:
            setattr(self, name, len(name))


points = [Point(order) for order in (["x", "yy", "zzz"], ["zzz", "x", "yy"], ["yy", "zzz", "x"])]
print("orders", [(p.x, p.yy, p.zzz) for p in points], [list(vars(p)) for p in points])


class Guarded:
    def __init__(self):
        self._lock = threading.Lock()
        self.calls = 0

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        self.calls += 1
        return self._lock.__exit__(*args)


g = Guarded()
exit_method = g._lock.__exit__
for _ in range(5):
    with g:
        pass
g._lock.acquire()
print("exits", g.calls, exit_method.__name__, exit_method(None, None, None), g._lock.locked())


class Prop:
    def __init__(self):
        self.value = 1


p = Prop()
before = p.value
Prop.value = property(lambda self: "property wins")
print("property", before, p.value)
