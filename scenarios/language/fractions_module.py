# gilsim: expect=ok
# fractions.Fraction, CPython's own Python code: exact sums from several threads under a
# lock, parsing, arithmetic with ints, floats and Decimals, rounding, limit_denominator,
# hashing equal to equal floats, and each release's API (as_integer_ratio from 3.8, int()
# through __trunc__ before 3.11, __format__ from 3.12, alignment alone from 3.13).
import math
import threading
from decimal import Decimal
from fractions import Fraction

total = Fraction(0)
lock = threading.Lock()


def add_reciprocals(denominators):
    global total
    for d in denominators:
        with lock:
            total += Fraction(1, d)


workers = [threading.Thread(target=add_reciprocals, args=(range(k, 30, 3),)) for k in (1, 2, 3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(total, float(total), repr(total))
print(Fraction(3, 4) * 2, Fraction("1.25"), Fraction(0.5), Fraction(7, -14), Fraction(" -3/7 "))
print(Fraction("1e-3"), Fraction(".5"), Fraction(Decimal("1.47")), Fraction(6, 4).denominator)
print(Fraction(1, 3) + 0.5, Fraction(1, 3) + 1, 1 - Fraction(1, 3), 2 ** Fraction(1, 2))
print(Fraction(4, 9) ** Fraction(1, 2), Fraction(2, 3) ** -2, Fraction(7, 3) // 1, Fraction(7, 3) % 1)
print(divmod(Fraction(7, 3), Fraction(1, 2)), -Fraction(1, 3), abs(Fraction(-1, 3)))
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(3)), hash(Fraction(1, 3)))
print(Fraction(1, 2) == 0.5, Fraction(1, 2) == Decimal("0.5"), Fraction(1, 3) < 0.5)
print(math.floor(Fraction(7, 3)), math.ceil(Fraction(7, 3)), math.trunc(Fraction(-7, 3)))
print(int(Fraction(7, 2)), float(Fraction(1, 3)), round(Fraction(7, 2)), round(Fraction(5, 2)))
print(round(Fraction(22, 7), 2), Fraction(22, 7).limit_denominator(5), Fraction.from_float(0.1))
print(Fraction.from_decimal(Decimal("0.1")), sorted([Fraction(1, 2), Fraction(1, 3), 0.4, 1]))
print(sum([Fraction(1, 3)] * 3), bool(Fraction(0)), complex(Fraction(1, 2)))
for text in ["1/0", "abc", "1.5/2"]:
    try:
        print(Fraction(text))
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
try:
    Fraction(1.5, 2)
except TypeError as e:
    print("TypeError", e)
for method in ["as_integer_ratio", "is_integer", "__int__", "__format__"]:
    print(method, method in vars(Fraction))
try:
    print(format(Fraction(1, 3), ".3f"), "{:>10.2%}".format(Fraction(1, 8)))
    print("{:>8}".format(Fraction(1, 3)))
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)


class Money(Fraction):
    pass


print(type(Money(1, 2) + 1).__name__, Money(3, 9))
