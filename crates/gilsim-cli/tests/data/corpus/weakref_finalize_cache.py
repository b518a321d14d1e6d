# Modelled on the weakref documentation's examples: WeakValueDictionary caches, WeakSet, ref callbacks, finalize, WeakKeyDictionary and WeakMethod.
import weakref
import gc
import threading
import sys


class Node:
    instances = 0

    def __init__(self, name):
        self.name = name
        Node.instances += 1

    def __repr__(self):
        return "Node(%s)" % self.name

    def __del__(self):
        print("del", self.name)


cache = weakref.WeakValueDictionary()
n1 = Node("a")
cache["a"] = n1
print(list(cache.keys()), cache.get("a"))
del n1
print(list(cache.keys()))
refs = weakref.WeakSet()
n2 = Node("b")
refs.add(n2)
print(len(refs))
r = weakref.ref(n2, lambda ref: print("callback, dead:", ref() is None))
print(r() is n2)
n2 = None
print(len(refs), r())
fin_log = []
n3 = Node("c")
f = weakref.finalize(n3, fin_log.append, "finalized c")
print(f.alive)
del n3
print(fin_log, f.alive)
wk = weakref.WeakKeyDictionary()
k = Node("k")
wk[k] = 1
print(len(wk))
del k
print(len(wk))


class Cycle:
    def __init__(self):
        self.me = self


c = Cycle()
del c
print(gc.collect() >= 0, gc.isenabled())
lock = threading.Lock()
wl = weakref.ref(lock) if sys.version_info >= (3, 0) else None
print(type(wl).__name__)


class Meth:
    def hello(self):
        return "hi"


m = Meth()
wm = weakref.WeakMethod(m.hello)
print(wm()())
del m
print(wm())
print("end")
