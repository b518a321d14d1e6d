# gilsim: expect=ok
# Subclasses of the immutable built-ins as programs write them: a namedtuple of results that
# threads put on a queue (sorted, unpacked, hashed, %-formatted, JSON-encoded, compared
# with plain tuples; read-only fields; no instance dict), a subclass of it with a method,
# typing.NamedTuple with a default, a tuple subclass with its own __new__, a str subclass with
# a helper method, an int subclass with arithmetic and formatting, a float subclass that
# validates in __new__ and has its own __repr__. Their built-in methods answer with plain
# built-ins; `float.__repr__(x)` and `int.__eq__` answer as the type's own slots. IntEnum
# members and members of an enum with a str mixin JSON-encode, index and count as values.
# What takes a built-in takes its subclass (str.join, int(), math, re, bytes(), ord, slice
# bounds), and copy and pickle remake a subclass from its value.
import collections
import copy
import enum
import json
import math
import pickle
import re
import queue
import threading
from typing import NamedTuple

Reading = collections.namedtuple("Reading", "sensor value")
results = queue.Queue()


def measure(sensor):
    results.put(Reading(sensor, sensor * 1.5))


workers = [threading.Thread(target=measure, args=(n,)) for n in (3, 1, 2)]
for w in workers:
    w.start()
for w in workers:
    w.join()
readings = sorted(results.get() for _ in range(3))
print(readings, readings[0] == (1, 1.5), {readings[0]: "first"}[(1, 1.5)])
print(json.dumps(readings), "%s -> %s" % readings[-1], max(readings, key=lambda r: r.value).sensor)
sensor, value = readings[1]
print(sensor, value, readings[1]._asdict(), readings[1]._replace(value=0), Reading._make([9, 9.5]))
print(isinstance(readings[0], tuple), Reading.__mro__[1], readings[0] + (0,), readings[0][::-1], Reading.value.__doc__)
for attempt in (lambda: setattr(readings[0], "value", 1), lambda: setattr(readings[0], "extra", 1)):
    try:
        attempt()
    except AttributeError as e:
        print("AttributeError:", e)
try:
    readings[0]._replace(unit="C")
except (ValueError, TypeError) as e:
    print(type(e).__name__, e)


class Calibrated(Reading):
    __slots__ = ()

    def corrected(self):
        return self._replace(value=round(self.value * 1.1, 2))


print(Calibrated(4, 2.0), Calibrated(4, 2.0).corrected())


class Job(NamedTuple):
    name: str
    priority: int = 5


print(Job("backup"), Job("deploy", 1) < Job("backup"), sorted([Job("b"), Job("a", 9)]))


class Interval(tuple):
    def __new__(cls, low, high):
        if low > high:
            low, high = high, low
        return super().__new__(cls, (low, high))

    def __contains__(self, x):
        return self[0] <= x <= self[1]


span = Interval(9, 2)
print(span, 5 in span, 10 in span, len(span), span.count(2), hash(span) == hash((2, 9)), type(span[:1]).__name__)


class Tag(str):
    def slug(self):
        return self.lower().replace(" ", "-")


tag = Tag("Hello World")
print(tag, repr(tag), tag.slug(), type(tag.upper()).__name__, tag + "!", f"[{tag:>13}]", len(tag), {tag: 1}["Hello World"])


class Cents(int):
    def dollars(self):
        return "$%d.%02d" % divmod(self, 100)


price = Cents(1999)
print(price, price.dollars(), price + 1, type(price + 1).__name__, -price, abs(Cents(-5)), f"{price:,}", hex(price), [0] * Cents(2))


class Celsius(float):
    def __new__(cls, degrees):
        if degrees < -273.15:
            raise ValueError("below absolute zero")
        return super().__new__(cls, degrees)

    def __repr__(self):
        return "Celsius(%s)" % float.__repr__(self)


print(Celsius(21.5), [Celsius(0)], str(Celsius(3)), Celsius(10) * 2, round(Celsius(2.567), 1))
try:
    Celsius(-300)
except ValueError as e:
    print("ValueError:", e)
print(float.__repr__(2.5), int.__repr__(7), str.__str__("s"), int.__eq__(1, 1), int.__eq__(1, "1"), str.__format__("x", ">3"))


class Status(enum.IntEnum):
    OK = 200
    MISSING = 404


class Color(str, enum.Enum):
    RED = "red"


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2


print(json.dumps({"status": Status.OK, Color.RED: [Color.RED, Level.HIGH]}), list(range(Level.HIGH)), [10, 20, 30][Level.LOW], hex(Status.MISSING))
print("-".join([tag, Tag("x")]), int(Tag("42")), math.sqrt(Celsius(16.0)), re.findall(r"o\w", tag), bytes(Tag("ab"), "ascii"), ord(Tag("z")))
print(price.real, Celsius(1.5).imag, float(price), float(Celsius(2)), int(Celsius(7.9)), "abcdef"[Cents(1):Cents(4)], copy.copy(Tag("t")), copy.deepcopy([tag, price]), pickle.loads(pickle.dumps(price)).dollars())
