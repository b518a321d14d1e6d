# gilsim: expect=ok
# Numbers' special methods called by name, as code that passes them around does: a units
# type that extends int.__add__ through super(), reduce over int.__mul__, float.__neg__
# mapped over a list, reflected and mixed-type dunders (an int method given a float answers
# NotImplemented), conversions, the TypeErrors of a wrong receiver or arity, and the
# division-by-zero messages of each version. Worker threads total the units.
import functools
import operator
import threading


class Meters(int):
    def __add__(self, other):
        return Meters(super().__add__(other))

    def __repr__(self):
        return "Meters(%d)" % int(self)


legs = [Meters(120), Meters(75), Meters(300)]
total = [Meters(0)]
lock = threading.Lock()


def walk(leg):
    with lock:
        total[0] = total[0] + leg


walkers = [threading.Thread(target=walk, args=(leg,)) for leg in legs]
for w in walkers:
    w.start()
for w in walkers:
    w.join()
print(total[0], type(total[0]).__name__, Meters(2).__neg__(), Meters(7).__index__())
print((5).__add__(3), (5).__radd__(1), (2.5).__mul__(2), (5).__add__(2.5), (2.5).__add__(5), True.__add__(1))
print((7).__floordiv__(2), (7).__mod__(3), (-3).__abs__(), (5).__neg__(), (5).__bool__(), (0.0).__bool__())
print((3.7).__int__(), (-3.7).__int__(), (3).__float__(), (-7).__invert__(), (2.0).__pos__(), (6).__and__(3))
print(int.__add__(2, 3), functools.reduce(int.__mul__, [1, 2, 3, 4]), list(map(float.__neg__, [1.5, -2.0])))
print((10).__pow__(2), (10).__rpow__(2), (5).__truediv__(2), (5).__truediv__(0.5), float.__rsub__(1.5, 3))
print(hasattr(5, "__index__"), int.__index__(7), (1).__lshift__(10), (2 ** 70).__rshift__(60), operator.index(5))
for bad in [lambda: int.__add__("a", 1), lambda: (5).__add__(), lambda: float.__neg__(3), lambda: (5).__mod__(0),
            lambda: float("inf").__int__(), lambda: (1).__add__(1, 2), lambda: operator.index("7"),
            lambda: 7 % int("0"), lambda: 7 // int("0"), lambda: divmod(7, int("0")), lambda: (2 ** 70) % int("0")]:
    try:
        print(bad())
    except (TypeError, ZeroDivisionError, OverflowError) as error:
        print(type(error).__name__, error)
