# gilsim: expect=ok
# decimal as money code uses it: a ledger updated by threads under a lock, exact sums, the
# context precision and rounding modes, quantize, formatting, and the errors CPython raises.
from decimal import Decimal, ROUND_HALF_UP
import threading

balance = Decimal("100.00")
lock = threading.Lock()


def apply(amounts):
    global balance
    for a in amounts:
        with lock:
            balance += Decimal(a)


ts = [threading.Thread(target=apply, args=(["0.10", "0.20", "-0.05"],)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(balance, balance.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
print(Decimal("1.10") + Decimal("2.20"), Decimal(3) / Decimal(7))

from decimal import Decimal, ROUND_HALF_UP, ROUND_DOWN, getcontext, localcontext, InvalidOperation, DivisionByZero
import decimal
vals = ["0", "1.10", "-2.50", "1E+3", "0.000001", "0.0000001", "123.4560", "-0", "1e-7", " 42 ", "1_000.5"]
for v in vals:
    d = Decimal(v)
    print(repr(d), str(d), d.as_tuple())
print(Decimal(0.1), Decimal(2.5), Decimal(-1.75), Decimal(10), Decimal(-7))
a, b = Decimal("1.10"), Decimal("2.20")
print(a + b, a - b, a * b, b / a, Decimal(1) / Decimal(3), Decimal(2) / Decimal(3), Decimal(10) / Decimal(4), Decimal("1.000") / Decimal("2"))
print(Decimal(7) // Decimal(2), Decimal(-7) // Decimal(2), Decimal(7) % Decimal(3), Decimal(-7) % Decimal(3), Decimal("7.5") % Decimal("2"))
print(a + 1, 1 + a, 3 * a, a == Decimal("1.1"), a == 1.1, Decimal("0.5") == 0.5, hash(Decimal(2)) == hash(2), hash(Decimal("0.5")) == hash(0.5))
print(sorted([Decimal("3"), Decimal("1.5"), Decimal("-2")]), max(Decimal("1"), Decimal("1.0")), sum([Decimal("0.1")] * 10))
print(Decimal("2.675").quantize(Decimal("0.01")), Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), Decimal("2.5").quantize(Decimal("1")), Decimal("7.89").quantize(Decimal("0.1"), rounding=ROUND_DOWN))
print(int(Decimal("-3.9")), float(Decimal("1.25")), round(Decimal("2.5")), round(Decimal("3.5")), round(Decimal("1.2345"), 2), Decimal("1.50").normalize(), Decimal("100").normalize())
print(f"{Decimal('1234.5678'):.2f}", f"{Decimal('1234.5'):,.2f}", f"{Decimal('0.256'):.1%}", f"{Decimal('3.14159'):>10.3f}", format(Decimal("1.5"), ""))
print(getcontext().prec, getcontext().rounding)
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7))
print(Decimal(1) / Decimal(7))
for bad in ["abc", "1.2.3", ""]:
    try:
        Decimal(bad)
    except InvalidOperation as e:
        print(type(e).__name__, e)
try:
    Decimal(1) / Decimal(0)
except DivisionByZero as e:
    print(type(e).__name__, e, isinstance(e, ZeroDivisionError))
try:
    Decimal(1) + 1.5
except TypeError as e:
    print("TypeError")
print(type(Decimal(1)), -Decimal("0"), abs(Decimal("-1.5")), Decimal("1.5") > 1, bool(Decimal("0.0")))
