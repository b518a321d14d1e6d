# math: the functions computed in Python. Those CPython takes from the C library (log, exp,
# sqrt, pow, the trigonometric ones) are natives of the same module (modules/math.rs).
import _gilsim
from math import fsum as _fsum, hypot

pi = 3.141592653589793
e = 2.718281828459045
tau = 6.283185307179586
inf = float("inf")
nan = float("nan")


def floor(x):
    if isinstance(x, int):
        return x
    i = int(x)
    return i - 1 if i > x else i


def ceil(x):
    if isinstance(x, int):
        return x
    i = int(x)
    return i + 1 if i < x else i


def trunc(x):
    return int(x)


def fabs(x):
    return float(abs(x))


def isqrt(n):
    if n < 0:
        raise ValueError("isqrt() argument must be nonnegative")
    if n < 2:
        return n
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def gcd(*integers):
    if _gilsim.version < (3, 9) and len(integers) != 2:
        raise TypeError("gcd expected 2 arguments, got %d" % len(integers))
    result = 0
    for b in integers:
        a = abs(result)
        b = abs(b)
        while b:
            a, b = b, a % b
        result = a
    return result


def lcm(*integers):
    result = 1
    for n in integers:
        if n == 0:
            return 0
        result = abs(result * n) // gcd(result, n)
    return result


def factorial(n):
    if not isinstance(n, int):
        raise TypeError("'float' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("factorial() not defined for negative values")
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


def comb(n, k):
    if k < 0 or k > n:
        return 0
    return factorial(n) // (factorial(k) * factorial(n - k))


def perm(n, k=None):
    if k is None:
        k = n
    if k < 0 or k > n:
        return 0
    return factorial(n) // factorial(n - k)


def isclose(a, b, rel_tol=1e-09, abs_tol=0.0):
    if a == b:
        return True
    diff = abs(b - a)
    return diff <= abs(rel_tol * b) or diff <= abs(rel_tol * a) or diff <= abs_tol


def isinf(x):
    return x == inf or x == -inf


def isnan(x):
    return x != x


def isfinite(x):
    return not isinf(x) and not isnan(x)


def copysign(x, y):
    x = fabs(x)
    return -x if y < 0 or (y == 0 and str(y).startswith("-")) else x


def modf(x):
    # (fractional part, integral part), both carrying x's sign.
    x = float(x)
    if x != x:
        return (x, x)
    if x == inf or x == -inf:
        return (copysign(0.0, x), x)
    whole = copysign(float(int(x)), x)
    return (copysign(x - whole, x), whole)


def prod(iterable, start=1):
    result = start
    for x in iterable:
        result *= x
    return result


def degrees(x):
    return x * 180.0 / pi


def radians(x):
    return x * pi / 180.0


def fmod(x, y):
    # C's fmod: the remainder with the sign of x.
    x, y = float(x), float(y)
    if y == 0.0 or isinf(x):
        raise ValueError("math domain error")
    if isinf(y):
        return x
    r = abs(x) % abs(y)
    return copysign(r, x)


def sumprod(p, q):
    p, q = list(p), list(q)
    if len(p) != len(q):
        raise ValueError("Inputs are not the same length")
    products = [a * b for a, b in zip(p, q)]
    if all(isinstance(x, int) for x in products):
        return sum(products)
    return _fsum(products)


# Added later: isqrt, prod, comb, perm and dist in 3.8, lcm in 3.9, sumprod in 3.12 (and
# natives, see modules/math.rs).
if _gilsim.version < (3, 8):
    del isqrt, prod, comb, perm
if _gilsim.version < (3, 9):
    del lcm
if _gilsim.version < (3, 12):
    del sumprod

if _gilsim.version >= (3, 8):
    def dist(p, q):
        if len(p) != len(q):
            raise ValueError("both points must have the same number of dimensions")
        return hypot(*[a - b for a, b in zip(p, q)])
