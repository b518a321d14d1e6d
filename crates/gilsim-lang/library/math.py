# math: the functions computed in Python. Those CPython takes from the C library (log, exp,
# sqrt, pow, the trigonometric ones) are natives of the same module (modules/math.rs).
import _gilsim
from math import fsum as _fsum, hypot

pi = 3.141592653589793
e = 2.718281828459045
_inf = float("inf")
if _gilsim.version >= (3, 5):
    inf = _inf
    nan = float("nan")
if _gilsim.version >= (3, 6):
    tau = 6.283185307179586


def _real(x, hook):
    # What floor() and ceil() round: a float, or the object's own `__floor__`/`__ceil__`'s
    # answer (hook, from 3.0), or its `__float__`; else CPython's TypeError.
    if isinstance(x, float):
        return x
    method = getattr(type(x), hook, None) if _gilsim.version >= (3, 0) else None
    if method is not None:
        return method(x)
    if hasattr(type(x), "__float__") or hasattr(type(x), "__index__"):
        return float(x)
    if _gilsim.version < (3, 0):
        raise TypeError("a float is required")
    raise TypeError("must be real number, not %s" % type(x).__name__)


def _py2_float(value, x):
    # 2.7's floor() and ceil() return C's double, a zero with the argument's sign.
    value = float(value)
    return copysign(0.0, x) if value == 0.0 else value


def _rounded(x, hook, step):
    # floor() (step -1, `__floor__`) and ceil() (step 1, `__ceil__`).
    if isinstance(x, int):
        result = int(x)
    else:
        x = _real(x, hook)
        if not isinstance(x, float):
            return x
        result = int(x)
        if (result - x) * step < 0:
            result += step
    return _py2_float(result, x) if _gilsim.version < (3, 0) else result


def floor(x):
    return _rounded(x, "__floor__", -1)


def ceil(x):
    return _rounded(x, "__ceil__", 1)


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
        b = abs(_gilsim.index(b))
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
    if isinstance(n, float) and _gilsim.version < (3, 10):
        # Before 3.10 an integral float was taken (deprecated in 3.9).
        if _gilsim.version >= (3, 9):
            import warnings

            warnings.warn("Using factorial() with floats is deprecated", DeprecationWarning)
        if not n.is_integer():
            raise ValueError("factorial() only accepts integral values")
        n = int(n)
    n = _gilsim.index(n)
    if n < 0:
        raise ValueError("factorial() not defined for negative values")
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


def _non_negative(n, k):
    n, k = _gilsim.index(n), _gilsim.index(k)
    if n < 0:
        raise ValueError("n must be a non-negative integer")
    if k < 0:
        raise ValueError("k must be a non-negative integer")
    return n, k


def comb(n, k):
    n, k = _non_negative(n, k)
    if k > n:
        return 0
    return factorial(n) // (factorial(k) * factorial(n - k))


def perm(n, k=None):
    n, k = _non_negative(n, n if k is None else k)
    if k > n:
        return 0
    return factorial(n) // factorial(n - k)


def isclose(a, b, rel_tol=1e-09, abs_tol=0.0):
    if a == b:
        return True
    diff = abs(b - a)
    return diff <= abs(rel_tol * b) or diff <= abs(rel_tol * a) or diff <= abs_tol


def isinf(x):
    return x == _inf or x == -_inf


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
    if x == _inf or x == -_inf:
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


def _split(a):
    # Veltkamp's split: hi + lo == a, each half fitting 26 bits (scaled near the top of the
    # range, where 2**27 * a would overflow).
    if abs(a) > 2.0 ** 995:
        hi, lo = _split(a * 2.0 ** -28)
        return hi * 2.0 ** 28, lo * 2.0 ** 28
    t = 134217729.0 * a
    hi = t - (t - a)
    return hi, a - hi


def _dl_mul(x, y):
    # Dekker's exact product: z + zz == x * y (what mathmodule.c's dl_mul gets from fma).
    z = x * y
    xh, xl = _split(x)
    yh, yl = _split(y)
    return z, ((xh * yh - z) + xh * yl + xl * yh) + xl * yl


def _dl_sum(a, b):
    x = a + b
    z = x - a
    return x, (a - (x - z)) + (b - z)


def _tl_fma(x, y, total):
    # mathmodule.c's tl_fma: a triple-length running total of exact products.
    hi, lo, tiny = total
    pr_hi, pr_lo = _dl_mul(x, y)
    sm_hi, sm_lo = _dl_sum(hi, pr_hi)
    r1_hi, r1_lo = _dl_sum(lo, pr_lo)
    r2_hi, r2_lo = _dl_sum(r1_hi, sm_lo)
    return sm_hi, r2_hi, tiny + r1_lo + r2_lo


def _tl_to_d(total):
    hi, lo, tiny = total
    last_hi, last_lo = _dl_sum(lo, hi)
    return tiny + last_lo + last_hi


def _as_float_pair(a, b):
    # A float with a float, or with an int or bool (converted): the pairs the float path
    # takes; None for any other pair, or an int too large for a float.
    ta, tb = type(a), type(b)
    try:
        if ta is float and tb is float:
            return a, b
        if ta is float and tb in (int, bool):
            return a, float(b)
        if tb is float and ta in (int, bool):
            return float(a), b
    except OverflowError:
        pass
    return None


def sumprod(p, q):
    # mathmodule.c's math_sumprod_impl: exact int products while they fit a C long, then
    # float products summed in triple length (correctly rounded at the end), then whatever
    # the items' own * and + give.
    p_it, q_it = iter(p), iter(q)
    total = 0
    int_path, int_total, int_used = True, 0, False
    flt_path, flt_total, flt_used = True, (0.0, 0.0, 0.0), False
    limit = 2 ** 63
    while True:
        p_i = next(p_it, _MISSING)
        q_i = next(q_it, _MISSING)
        if (p_i is _MISSING) != (q_i is _MISSING):
            raise ValueError("Inputs are not the same length")
        finished = p_i is _MISSING
        if int_path:
            product = p_i * q_i if not finished and type(p_i) is int and type(q_i) is int else None
            if product is not None and all(-limit <= v < limit for v in (p_i, q_i, product, int_total + product)):
                int_total += product
                int_used = True
                continue
            int_path = False
            if int_used:
                total = total + int_total
                int_used = False
        if flt_path:
            if not finished:
                pair = _as_float_pair(p_i, q_i)
                if pair is not None:
                    new_total = _tl_fma(pair[0], pair[1], flt_total)
                    if isfinite(new_total[0]):
                        flt_total = new_total
                        flt_used = True
                        continue
            flt_path = False
            if flt_used:
                total = total + _tl_to_d(flt_total)
                flt_used = False
        if finished:
            return total
        total = total + p_i * q_i


_MISSING = object()


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
