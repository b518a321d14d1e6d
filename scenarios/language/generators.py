# gilsim: expect=ok
# Generators run in the frames of the thread that asks for the next item: `yield`, `send`,
# `return` values in StopIteration, `yield from`, generator expressions consumed by
# builtins, a generator shared by two threads, exceptions and `finally` inside one, and
# contextlib.contextmanager on top of them.
import contextlib
import threading


def count(n):
    i = 0
    while i < n:
        got = yield i
        if got:
            print("got", got)
        i += 1
    return "done"


print(list(count(4)))
g = count(3)
print(next(g), g.send("hi"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value, e.args)
print(next(g, "default"))
print(sum(x * x for x in range(5)), [y for y in (z + 1 for z in range(3))])


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], (3, 4), count(2))))
g = count(5)
for v in g:
    if v == 2:
        break
print("resumed after break:", next(g))


def worker(gen, out):
    for v in gen:
        out.append(v)


out = []
shared = (i * 10 for i in range(6))
threads = [threading.Thread(target=worker, args=(shared, out)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(out))


def boom():
    yield 1
    raise ValueError("bad")


b = boom()
print(next(b))
try:
    next(b)
except ValueError as e:
    print("caught", e)
print(list(b))


def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("finally")


print(list(guarded()))
print(dict((k, k * 2) for k in "ab"), tuple(i for i in range(3)), max(i % 3 for i in range(7)))
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)), sorted(3 - i for i in range(3)))
print(", ".join(str(i) for i in range(3)), list(zip("ab", count(5))), list(enumerate(count(2))))


@contextlib.contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)


with tag("b") as shout:
    print("inside", shout)
try:
    with tag("i"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
with contextlib.suppress(ZeroDivisionError):
    print(1 / 0)
print("end")


# A generator function as __init__ or __new__: calling it makes a generator, which __init__
# may not return (CPython's TypeError) and __new__ returns as the "instance".
class YieldingInit:
    def __init__(self):
        self.x = yield 1


class YieldingNew:
    def __new__(cls):
        yield 2


for kind in (YieldingInit, YieldingNew):
    try:
        print(type(kind()).__name__)
    except TypeError as e:
        print("TypeError:", e)
