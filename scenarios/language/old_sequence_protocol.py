# gilsim: expect=ok
# Objects with only `__getitem__` are iterable by the old sequence protocol: `for`, `list()`,
# unpacking, `in`, `zip`, `join` and `iter()` ask for items 0, 1, 2, ... until IndexError or
# StopIteration, as CPython's sequence iterator does; a worker thread reads one while another
# fills the list behind it.
import threading


class Window:
    def __init__(self, items):
        self.items = items

    def __getitem__(self, i):
        return self.items[i]


class Squares:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i


class Stops:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return "s%d" % i


class Broken:
    def __getitem__(self, i):
        raise KeyError(i)


s = Squares(4)
print(list(s), tuple(s), sorted(s, reverse=True), sum(s), 9 in s, 5 in s)
a, b, c, d = s
print(a, b, c, d, [x for x in Stops()], dict(enumerate(s)), max(s))
it = iter(s)
print(type(it).__name__, next(it), next(it), list(it))
for x in Stops():
    print("got", x)
print(list(zip(s, Stops())), "-".join(Stops()), set(Squares(3)))
try:
    list(Broken())
except KeyError as e:
    print("KeyError", e)


class NotSeq:
    pass


try:
    iter(NotSeq())
except TypeError as e:
    print(e)
try:
    a, b = Squares(3)
except ValueError as e:
    print(e)


shared = []
window = Window(shared)
seen = []
filled = threading.Event()


def reader():
    filled.wait()
    for item in window:
        seen.append(item)


def writer():
    for i in range(5):
        shared.append(i * 10)
    filled.set()


threads = [threading.Thread(target=reader), threading.Thread(target=writer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(seen, list(Window("abc")), "b" in Window("abc"))
