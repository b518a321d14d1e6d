# Instance attributes read and stored in loops while their dicts change under them: a
# deletion reorders a dict, a name built at run time, a descriptor that takes stores added
# to a class after its instances exist (and removed again), a property setter, a class made
# anew in a loop, and two threads updating their own objects' attributes under a lock.
# gilsim: expect=ok
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def total(self):
        return self.x + self.y

points = [Point(i, i * 10) for i in range(5)]
print([p.total() for p in points])
del points[0].x
points[0].x = 7            # now after y in the dict
print(points[0].total(), list(vars(points[0])))
setattr(points[1], "".join(["x"]), 100)   # a name made at run time
print(points[1].x, points[1].total())
points[2].__dict__.clear()
points[2].__dict__["y"] = 1
points[2].__dict__["x"] = 2
print(points[2].total())

class Loud:
    def __init__(self):
        self.log = []
    def __get__(self, obj, owner):
        return "got"
    def __set__(self, obj, value):
        self.log.append(value)

loud = Loud()
for p in points:
    p.z = 1
Point.z = loud                # a descriptor that takes stores, added late
for p in points:
    p.z = 2
print(loud.log, points[3].z, points[3].__dict__.get("z"))
del Point.z
for p in points:
    p.z = 3
print(points[4].z, points[4].__dict__["z"])

class WithProperty:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        "The doubled value."
        return self._v
    @v.setter
    def v(self, value):
        self._v = value * 2
    plain = property(lambda self: 1, doc="Given to property().")

w = WithProperty()
for i in range(3):
    w.v = i
print(w.v, vars(w), WithProperty.v.__doc__, WithProperty.plain.__doc__, property().__doc__)

class OnlyDelete:
    def __delete__(self, obj):
        pass

class Holder:
    d = OnlyDelete()

h = Holder()
try:
    h.d = 1
except AttributeError as e:
    print("AttributeError", e)

kinds = []
for n in range(3):
    class K:
        def __init__(self):
            self.a = n
            self.b = n + 1
    kinds.append(K())
print([(k.a, k.b) for k in kinds])

import threading

class Tally:
    def __init__(self):
        self.hits = 0
        self.last = None

lock = threading.Lock()
tallies = [Tally(), Tally()]

def count(mine, other):
    for i in range(200):
        mine.hits = mine.hits + 1
        mine.last = i
        with lock:
            other.seen = getattr(other, "seen", 0) + 1

workers = [threading.Thread(target=count, args=(tallies[k], tallies[1 - k])) for k in range(2)]
for t in workers:
    t.start()
for t in workers:
    t.join()
print([(t.hits, t.last, t.seen) for t in tallies])
