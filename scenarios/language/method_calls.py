# gilsim: expect=exception
# Method calls of every kind a threaded program makes, as CPython resolves them: a class's
# function, a callable an instance stores under a method's name, staticmethod/classmethod,
# a property returning a function, `__getattr__` supplying one, built-in types' methods,
# module functions, super(), a bound method passed to a Thread, and a call on a missing
# attribute ending the program with CPython's traceback.
import threading


class Counter:
    step = 1

    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()

    def add(self, n=None):
        with self.lock:
            self.value += self.step if n is None else n
        return self

    @staticmethod
    def describe(x):
        return "counter of %s" % (x,)

    @classmethod
    def make(cls):
        return cls()

    @property
    def adder(self):
        return lambda n: self.add(n * 10)


class Loud(Counter):
    def add(self, n=None):
        print("Loud.add", n)
        return super().add(n)


class Dynamic:
    def __getattr__(self, name):
        if name.startswith("say_"):
            return lambda *args: "%s%r" % (name[4:], args)
        raise AttributeError(name)


c = Counter.make()
c.add().add(2).add()
print(c.value, Counter.describe(3), c.describe("x"), Counter.add(c, 5).value)
c.adder(4)
print(c.value)
c.add = lambda n=0: "shadowed %d" % n
print(c.add(7), Counter.add(c).value)
del c.add
print(c.add(1).value)
loud = Loud()
loud.add(2)
print(loud.value, Dynamic().say_hello(1, 2), Dynamic().say_bye())
items = []
items.append(3)
items.extend([1, 2])
items.sort()
counts = {}
counts["a"] = counts.get("a", 0) + 1
print(items, items.pop(0), "-".join(["a", "b"]).upper(), counts.setdefault("b", 2), counts)
print(threading.current_thread().name, (1).bit_length(), (2.5).is_integer(), "x".startswith("x"))

workers = [threading.Thread(target=c.add, args=(i,)) for i in range(3)]
for t in workers:
    t.start()
for t in workers:
    t.join()
print(c.value)
try:
    Dynamic().shout()
except AttributeError as e:
    print("AttributeError", e)
try:
    c.add(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
c.lock.acquire()
c.lock.release()
c.missing_method(1)
