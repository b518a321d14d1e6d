# cmath: the functions of complex numbers scripts use most, written after CPython's
# Modules/cmathmodule.c for finite arguments (its tables of special values for infinities
# and NaNs are not reproduced: such an argument gives what the formulas give). A C module
# in CPython: linked as C, no switch point inside.
import _gilsim
import math

pi = math.pi
e = math.e
tau = 2 * math.pi
inf = float("inf")
nan = float("nan")
infj = complex(0.0, inf)
nanj = complex(0.0, nan)

_LARGE_DOUBLE = 1.7976931348623157e308 / 4.0
_LOG_LARGE_DOUBLE = 708.3964185322641
_LN2 = 0.6931471805599453
_LN10 = 2.302585092994046
_DBL_MIN = 2.2250738585072014e-308


def _parts(z):
    if isinstance(z, complex):
        return z.real, z.imag
    if isinstance(z, (int, float)):
        return float(z), 0.0
    method = getattr(type(z), "__complex__", None)
    if method is not None:
        w = method(z)
        return w.real, w.imag
    method = getattr(type(z), "__float__", None)
    if method is not None:
        return float(z), 0.0
    raise TypeError("must be real number, not %s" % type(z).__name__)


def _range_error(real, imag):
    if real in (inf, -inf) or imag in (inf, -inf):
        raise OverflowError("math range error")
    return complex(real, imag)


def sqrt(z):
    x, y = _parts(z)
    if x == 0.0 and y == 0.0:
        return complex(0.0, y)
    ax, ay = abs(x), abs(y)
    if ax < _DBL_MIN and ay < _DBL_MIN:
        ax = math.ldexp(ax, 53)
        s = math.ldexp(math.sqrt(ax + _gilsim.c_hypot(ax, math.ldexp(ay, 53))), -27)
    else:
        ax /= 8.0
        s = 2.0 * math.sqrt(ax + _gilsim.c_hypot(ax, ay / 8.0))
    d = ay / (2.0 * s)
    if x >= 0.0:
        return complex(s, math.copysign(d, y))
    return complex(d, math.copysign(s, y))


def exp(z):
    x, y = _parts(z)
    if x > _LOG_LARGE_DOUBLE:
        scale = math.exp(x - 1.0)
        return _range_error(scale * math.cos(y) * e, scale * math.sin(y) * e)
    scale = math.exp(x)
    return _range_error(scale * math.cos(y), scale * math.sin(y))


def _log(x, y):
    ax, ay = abs(x), abs(y)
    if ax > _LARGE_DOUBLE or ay > _LARGE_DOUBLE:
        real = math.log(_gilsim.c_hypot(ax / 2.0, ay / 2.0)) + _LN2
    elif ax < _DBL_MIN and ay < _DBL_MIN:
        if ax > 0.0 or ay > 0.0:
            real = math.log(_gilsim.c_hypot(math.ldexp(ax, 53), math.ldexp(ay, 53))) - 53 * _LN2
        else:
            raise ValueError("math domain error")
    else:
        h = _gilsim.c_hypot(ax, ay)
        if 0.71 <= h <= 1.73:
            am, an = (ax, ay) if ax > ay else (ay, ax)
            real = math.log1p((am - 1) * (am + 1) + an * an) / 2.0
        else:
            real = math.log(h)
    return real, math.atan2(y, x)


def log(z, base=None):
    x, y = _parts(z)
    result = complex(*_log(x, y))
    if base is None:
        return result
    bx, by = _parts(base)
    return result / complex(*_log(bx, by))


def log10(z):
    real, imag = _log(*_parts(z))
    return complex(real / _LN10, imag / _LN10)


def phase(z):
    x, y = _parts(z)
    return math.atan2(y, x)


def polar(z):
    x, y = _parts(z)
    r = _gilsim.c_hypot(x, y)
    if r in (inf, -inf) and x not in (inf, -inf) and y not in (inf, -inf):
        raise OverflowError("math range error")
    return r, math.atan2(y, x)


def rect(r, phi):
    r, phi = float(r), float(phi)
    if phi == 0.0:
        return complex(r, r * phi)
    return complex(r * math.cos(phi), r * math.sin(phi))


def isfinite(z):
    x, y = _parts(z)
    return math.isfinite(x) and math.isfinite(y)


def isinf(z):
    x, y = _parts(z)
    return math.isinf(x) or math.isinf(y)


def isnan(z):
    x, y = _parts(z)
    return math.isnan(x) or math.isnan(y)


def isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0):
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError("tolerances must be non-negative")
    a, b = complex(*_parts(a)), complex(*_parts(b))
    if a == b:
        return True
    if isinf(a) or isinf(b):
        return False
    diff = abs(b - a)
    return diff <= rel_tol * abs(b) or diff <= rel_tol * abs(a) or diff <= abs_tol


if _gilsim.version < (3, 6):
    del tau, inf, nan, infj, nanj, isclose, isfinite
