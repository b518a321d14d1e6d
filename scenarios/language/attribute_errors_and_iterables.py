# gilsim: expect=ok
# Errors of everyday mistakes, as each CPython version words and places them: setting or
# deleting an attribute an object cannot have (3.13 adds "and no __dict__ ..."; before 3.11 a
# missing one deletes to the bare name), a namedtuple called with the wrong arguments,
# something that is not a context manager or not iterable in a `with`, a `for` or a
# comprehension (3.13 marks the expression, with a call's carets). Also itertools.count's and
# repeat's reprs, and an abstract class's `__abstractmethods__` (a frozenset). An unbound
# name in `total += 1`, and a misspelled name imported from a module (3.12 suggests one).
import itertools
import sys
import threading
import traceback
from abc import ABC, abstractmethod
from collections import namedtuple


class Plain:
    pass


class Slotted:
    __slots__ = ("a",)


def function():
    pass


attempts = [
    lambda: setattr([], "x", 1),
    lambda: delattr([], "x"),
    lambda: delattr(Plain, "x"),
    lambda: delattr(Plain(), "x"),
    lambda: delattr(Slotted(), "a"),
    lambda: delattr(Slotted(), "b"),
    lambda: setattr(Slotted(), "b", 1),
    lambda: delattr(function, "x"),
    lambda: setattr(1, "x", 1),
    lambda: setattr(object(), "x", 1),
    lambda: setattr(threading.Lock(), "x", 1),
    lambda: setattr("s", "upper", 1),
    lambda: delattr(threading.Thread(), "zz"),
]
for attempt in attempts:
    try:
        attempt()
        print("ok")
    except AttributeError as e:
        print("AttributeError:", e)

function.tag = 1
del function.tag
Plain.kind = "k"
del Plain.kind
print(hasattr(function, "tag"), hasattr(Plain, "kind"))

Point = namedtuple("Point", "x y z", defaults=[0])
calls = [lambda: Point(), lambda: Point(1), lambda: Point(1, 2, 3, 4), lambda: Point(1, x=2),
         lambda: Point(1, 2, w=3), lambda: Point(y=1)]
for call in calls:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print(Point(1, 2), Point(z=3, y=2, x=1))

ids = itertools.count()
next(ids)
print(ids, itertools.count(5, 2), itertools.count(1.5), itertools.count(0, 1.0), itertools.repeat("a", 3))
print(list(itertools.repeat(7, 2)), list(zip("ab", itertools.count(10))))


class Task(ABC):
    @abstractmethod
    def run(self):
        pass


print(type(Task.__abstractmethods__).__name__, sorted(Task.__abstractmethods__))


class NoEnter:
    pass


def make():
    return 5


def mistake(n):
    if n == 0:
        with NoEnter() as x:
            pass
    elif n == 1:
        with threading.Lock:
            pass
    elif n == 2:
        for x in make():
            pass
    elif n == 3:
        return [x for x in make()]
    elif n == 4:
        return [(x, y) for x in [1] for y in make()]
    elif n == 5:
        return sum(x for x in make())
    elif n == 6:
        total += 1
    else:
        from threading import Lok


total = 0
for n in range(8):
    try:
        mistake(n)
    except (TypeError, AttributeError, UnboundLocalError, ImportError):
        traceback.print_exc(file=sys.stdout)
