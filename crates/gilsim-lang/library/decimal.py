# decimal: exact decimal arithmetic as CPython's decimal module does it (the General Decimal
# Arithmetic rules of _pydecimal): a Decimal is a sign, an integer coefficient and a power
# of ten; results are rounded to the thread's context precision (28 digits, ROUND_HALF_EVEN
# by default). Provided: construction from str/int/float/tuple, str/repr, + - * / // %,
# comparisons and hashing with ints and floats, quantize, rounding modes, to_integral_value,
# int/float/round, format with the fixed-point and percent types, as_tuple, getcontext,
# localcontext. Not provided: sqrt, exp, ln, log10 and the context's traps and flags.
import threading
from collections import namedtuple

ROUND_DOWN = "ROUND_DOWN"
ROUND_HALF_UP = "ROUND_HALF_UP"
ROUND_HALF_EVEN = "ROUND_HALF_EVEN"
ROUND_CEILING = "ROUND_CEILING"
ROUND_FLOOR = "ROUND_FLOOR"
ROUND_UP = "ROUND_UP"
ROUND_HALF_DOWN = "ROUND_HALF_DOWN"
ROUND_05UP = "ROUND_05UP"

DecimalTuple = namedtuple("DecimalTuple", "sign digits exponent")


class DecimalException(ArithmeticError):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class Rounded(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Context(object):
    def __init__(self, prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999, capitals=1, clamp=0,
                 flags=None, traps=None):
        self.prec = prec
        self.rounding = rounding
        self.Emin = Emin
        self.Emax = Emax
        self.capitals = capitals
        self.clamp = clamp

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp)

    def __repr__(self):
        return ("Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, flags=[], "
                "traps=[InvalidOperation, DivisionByZero, Overflow])"
                % (self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp))


DefaultContext = Context()
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP)
ExtendedContext = Context(prec=9)
_local = threading.local()


def getcontext():
    # Each thread has its own context, a copy of DefaultContext at first use.
    context = getattr(_local, "context", None)
    if context is None:
        context = DefaultContext.copy()
        _local.context = context
    return context


def setcontext(context):
    _local.context = context


class _LocalContext(object):
    def __init__(self, context):
        self.new = context

    def __enter__(self):
        self.saved = getcontext()
        setcontext(self.new)
        return self.new

    def __exit__(self, *exc):
        setcontext(self.saved)


def localcontext(ctx=None, **kwargs):
    context = (ctx or getcontext()).copy()
    for key, value in kwargs.items():
        setattr(context, key, value)
    return _LocalContext(context)


def _round_up_needed(digits, kept, sign, rounding):
    # Whether dropping digits[kept:] rounds the kept part away from zero.
    dropped = digits[kept:]
    if not dropped.strip("0"):
        return False
    first = dropped[0]
    rest_zero = not dropped[1:].strip("0")
    last_kept = int(digits[kept - 1]) if kept > 0 else 0
    if rounding == ROUND_DOWN:
        return False
    if rounding == ROUND_UP:
        return True
    if rounding == ROUND_CEILING:
        return sign == 0
    if rounding == ROUND_FLOOR:
        return sign == 1
    if rounding == ROUND_05UP:
        return last_kept in (0, 5)
    if first > "5" or (first == "5" and not rest_zero):
        return True
    if first < "5":
        return False
    if rounding == ROUND_HALF_UP:
        return True
    if rounding == ROUND_HALF_DOWN:
        return False
    return last_kept % 2 == 1


class Decimal(object):
    def __reduce__(self):
        return (type(self), (str(self),))

    def __init__(self, value="0", context=None):
        self._special = ""
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp, self._special = value._sign, value._int, value._exp, value._special
        elif isinstance(value, bool) or isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = abs(value)
            self._exp = 0
        elif isinstance(value, float):
            self._from_float(value)
        elif isinstance(value, str):
            self._from_string(value)
        elif isinstance(value, (tuple, list)):
            sign, digits, exp = value
            self._sign = sign
            self._int = int("".join(str(d) for d in digits) or "0")
            self._exp = exp
        else:
            raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)

    def _from_float(self, f):
        if f != f:
            self._sign, self._int, self._exp, self._special = 0, 0, 0, "n"
            return
        if f in (float("inf"), float("-inf")):
            self._sign, self._int, self._exp, self._special = (1 if f < 0 else 0), 0, 0, "F"
            return
        self._sign = 1 if f < 0 or (f == 0 and str(f).startswith("-")) else 0
        n, d = abs(f).as_integer_ratio()
        k = d.bit_length() - 1
        self._int = n * 5 ** k
        self._exp = -k

    def _from_string(self, text):
        s = text.strip().replace("_", "")
        sign = 0
        if s[:1] in ("+", "-"):
            sign = 1 if s[0] == "-" else 0
            s = s[1:]
        lower = s.lower()
        if lower in ("inf", "infinity"):
            self._sign, self._int, self._exp, self._special = sign, 0, 0, "F"
            return
        if lower in ("nan", "snan"):
            self._sign, self._int, self._exp, self._special = sign, 0, 0, "n"
            return
        mantissa, exp = s, 0
        for marker in ("e", "E"):
            if marker in s:
                mantissa, _, tail = s.partition(marker)
                if not tail or not tail.lstrip("+-").isdigit() or tail.count("-") + tail.count("+") > 1:
                    raise InvalidOperation([ConversionSyntax])
                exp = int(tail)
                break
        whole, _, frac = mantissa.partition(".")
        digits = whole + frac
        if not digits or not digits.isdigit() or mantissa.count(".") > 1:
            raise InvalidOperation([ConversionSyntax])
        self._sign = sign
        self._int = int(digits)
        self._exp = exp - len(frac)

    @classmethod
    def from_float(cls, f):
        return cls(f)

    # -- representation ------------------------------------------------------------------

    def _digits(self):
        return str(self._int)

    def __str__(self):
        sign = "-" if self._sign else ""
        if self._special == "F":
            return sign + "Infinity"
        if self._special:
            return sign + "NaN"
        coeff = self._digits()
        leftdigits = self._exp + len(coeff)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        else:
            dotplace = 1
        if dotplace <= 0:
            intpart = "0"
            fracpart = "." + "0" * (-dotplace) + coeff
        elif dotplace >= len(coeff):
            intpart = coeff + "0" * (dotplace - len(coeff))
            fracpart = ""
        else:
            intpart = coeff[:dotplace]
            fracpart = "." + coeff[dotplace:]
        if leftdigits == dotplace:
            exp = ""
        else:
            exp = "E%+d" % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def __repr__(self):
        return "Decimal('%s')" % self

    def as_tuple(self):
        if self._special:
            return DecimalTuple(self._sign, (), self._special)
        return DecimalTuple(self._sign, tuple(int(d) for d in self._digits()), self._exp)

    # -- rounding ------------------------------------------------------------------------

    @classmethod
    def _make(cls, sign, coefficient, exp):
        d = object.__new__(cls)
        d._special = ""
        d._sign = sign
        d._int = coefficient
        d._exp = exp
        return d

    def _fix(self, context):
        # Rounded to the context's precision.
        if self._special:
            return self
        digits = self._digits()
        excess = len(digits) - context.prec
        if excess <= 0 or self._int == 0:
            return self
        kept = context.prec
        coefficient = int(digits[:kept])
        if _round_up_needed(digits, kept, self._sign, context.rounding):
            coefficient += 1
        exp = self._exp + excess
        if len(str(coefficient)) > context.prec:
            coefficient //= 10
            exp += 1
        return self._make(self._sign, coefficient, exp)

    def _rescale(self, exp, rounding):
        if self._exp >= exp:
            return self._make(self._sign, self._int * 10 ** (self._exp - exp), exp)
        digits = self._digits()
        drop = exp - self._exp
        padded = "0" * max(0, drop - len(digits) + 1) + digits
        kept = len(padded) - drop
        coefficient = int(padded[:kept] or "0")
        if _round_up_needed(padded, kept, self._sign, rounding):
            coefficient += 1
        return self._make(self._sign, coefficient, exp)

    def quantize(self, exp, rounding=None, context=None):
        exp = _convert(exp, True)
        context = context or getcontext()
        result = self._rescale(exp._exp, rounding or context.rounding)
        if len(result._digits()) > context.prec:
            raise InvalidOperation([InvalidOperation])
        return result

    def to_integral_value(self, rounding=None, context=None):
        if self._special or self._exp >= 0:
            return self
        return self._rescale(0, rounding or (context or getcontext()).rounding)

    to_integral = to_integral_value

    def normalize(self, context=None):
        result = self._fix(context or getcontext())
        if result._int == 0:
            return self._make(result._sign, 0, 0)
        coefficient, exp = result._int, result._exp
        while coefficient % 10 == 0:
            coefficient //= 10
            exp += 1
        return self._make(result._sign, coefficient, exp)

    # -- arithmetic ----------------------------------------------------------------------

    def _value(self):
        # Exact value as (numerator, denominator).
        if self._exp >= 0:
            n, d = self._int * 10 ** self._exp, 1
        else:
            n, d = self._int, 10 ** (-self._exp)
        return (-n if self._sign else n), d

    def __add__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        context = context or getcontext()
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp) * (-1 if self._sign else 1)
        b = other._int * 10 ** (other._exp - exp) * (-1 if other._sign else 1)
        total = a + b
        if total == 0:
            sign = 1 if (self._sign and other._sign) or (context.rounding == ROUND_FLOOR and self._sign != other._sign) else 0
        else:
            sign = 1 if total < 0 else 0
        return self._make(sign, abs(total), exp)._fix(context)

    __radd__ = __add__

    def __sub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return self.__add__(other.__neg__(), context)

    def __rsub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__sub__(self, context)

    def __mul__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        sign = self._sign ^ other._sign
        return self._make(sign, self._int * other._int, self._exp + other._exp)._fix(context or getcontext())

    __rmul__ = __mul__

    def __truediv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        context = context or getcontext()
        sign = self._sign ^ other._sign
        if other._int == 0:
            if self._int == 0:
                raise InvalidOperation([DivisionUndefined])
            raise DivisionByZero([DivisionByZero])
        if self._int == 0:
            return self._make(sign, 0, self._exp - other._exp)
        shift = len(other._digits()) - len(self._digits()) + context.prec + 1
        exp = self._exp - other._exp - shift
        if shift >= 0:
            coefficient, remainder = divmod(self._int * 10 ** shift, other._int)
        else:
            coefficient, remainder = divmod(self._int, other._int * 10 ** -shift)
        if remainder:
            if coefficient % 5 == 0:
                coefficient += 1
        else:
            ideal = self._exp - other._exp
            while exp < ideal and coefficient % 10 == 0:
                coefficient //= 10
                exp += 1
        return self._make(sign, coefficient, exp)._fix(context)

    def __rtruediv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__truediv__(self, context)

    def _divmod(self, other):
        if other._int == 0:
            if self._int == 0:
                raise InvalidOperation([DivisionUndefined])
            raise DivisionByZero([DivisionByZero])
        a_n, a_d = self._value()
        b_n, b_d = other._value()
        n, d = a_n * b_d, a_d * b_n
        quotient = abs(n) // abs(d)
        if (n < 0) != (d < 0):
            quotient = -quotient
        exp = min(self._exp, other._exp)
        rest = self.__sub__(Decimal(quotient).__mul__(other))
        return Decimal(quotient), self._make(rest._sign, rest._int * 10 ** max(0, rest._exp - exp), min(rest._exp, exp))

    def __floordiv__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return self._divmod(other)[0]

    def __rfloordiv__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__floordiv__(self)

    def __mod__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return self._divmod(other)[1]

    def __rmod__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__mod__(self)

    def __divmod__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return self._divmod(other)

    def __pow__(self, other):
        if isinstance(other, int) and other >= 0:
            result = Decimal(1)
            for _ in range(other):
                result = result * self
            return result
        return NotImplemented

    def __neg__(self):
        return self._make(1 - self._sign if self._int or self._special else 0, self._int, self._exp)

    def __pos__(self):
        sign = self._sign if self._int else 0
        return self._make(sign, self._int, self._exp)._fix(getcontext())

    def __abs__(self):
        return self._make(0, self._int, self._exp)._fix(getcontext())

    def copy_abs(self):
        return self._make(0, self._int, self._exp)

    # -- comparison and conversion -------------------------------------------------------

    def _compare(self, other):
        if isinstance(other, float):
            if other != other:
                return None
            other = Decimal(other)
        elif not isinstance(other, (int, Decimal)) and hasattr(other, "denominator") and not self._special:
            # A Fraction (numbers.Rational): compared exactly, as _convert_for_comparison does.
            a_n, a_d = self._value()
            left, right = a_n * other.denominator, other.numerator * a_d
            return (left > right) - (left < right)
        other = _convert(other)
        if other is NotImplemented:
            return other
        a_n, a_d = self._value()
        b_n, b_d = other._value()
        left, right = a_n * b_d, b_n * a_d
        return (left > right) - (left < right)

    def __eq__(self, other):
        c = self._compare(other)
        return c if c is NotImplemented else c == 0

    def __ne__(self, other):
        c = self._compare(other)
        return c if c is NotImplemented else c != 0

    def __lt__(self, other):
        c = self._compare(other)
        return c if c is NotImplemented else c is not None and c < 0

    def __le__(self, other):
        c = self._compare(other)
        return c if c is NotImplemented else c is not None and c <= 0

    def __gt__(self, other):
        c = self._compare(other)
        return c if c is NotImplemented else c is not None and c > 0

    def __ge__(self, other):
        c = self._compare(other)
        return c if c is NotImplemented else c is not None and c >= 0

    def __hash__(self):
        # Equal to the hash of the equal int or float, as CPython's numeric hashes are.
        modulus = 2 ** 61 - 1
        if self._exp >= 0:
            value = self._int * pow(10, self._exp, modulus)
        else:
            value = self._int * pow(pow(10, modulus - 2, modulus), -self._exp, modulus)
        value = value % modulus
        if self._sign:
            value = -value
        return -2 if value == -1 else value

    def __bool__(self):
        return self._int != 0 or bool(self._special)

    def __int__(self):
        if self._special:
            raise ValueError("cannot convert NaN to integer") if self._special == "n" else OverflowError(
                "cannot convert Infinity to integer")
        n, d = self._value()
        value = abs(n) // d
        return -value if n < 0 else value

    def __float__(self):
        return float(str(self))

    def as_integer_ratio(self):
        if self._special:
            if self._special == "F":
                raise OverflowError("cannot convert Infinity to integer ratio")
            raise ValueError("cannot convert NaN to integer ratio")
        n, d = self._value()
        a, b = abs(n), d
        while b:
            a, b = b, a % b
        return n // a, d // a

    def __round__(self, n=None):
        if n is None:
            return int(self._rescale(0, ROUND_HALF_EVEN))
        return self._rescale(-n, ROUND_HALF_EVEN)

    def __format__(self, spec):
        kind = spec[-1:] if spec[-1:] in ("f", "F", "%") else ""
        head = spec[:-1] if kind else spec
        precision = None
        if "." in head:
            head, _, digits = head.rpartition(".")
            precision = int(digits)
        value = self
        if kind == "%":
            value = self._make(self._sign, self._int, self._exp + 2)
        if precision is not None:
            value = value._rescale(-precision, getcontext().rounding)
        elif kind in ("f", "F", "%") and value._exp > 0:
            value = value._rescale(0, ROUND_HALF_EVEN)
        text = value._fixed_text() if kind else str(value)
        if kind == "%":
            text += "%"
        grouping = "," in head
        head = head.replace(",", "")
        if grouping:
            sign = "-" if text.startswith("-") else ""
            body = text.lstrip("-")
            whole, dot, rest = body.partition(".")
            groups = []
            while len(whole) > 3:
                groups.insert(0, whole[-3:])
                whole = whole[:-3]
            groups.insert(0, whole)
            text = sign + ",".join(groups) + dot + rest
        return format(text, head.replace("0", "") if head.startswith("0") else head)

    def _fixed_text(self):
        sign = "-" if self._sign else ""
        coeff = self._digits()
        if self._exp >= 0:
            return sign + coeff + "0" * self._exp
        point = len(coeff) + self._exp
        if point <= 0:
            return sign + "0." + "0" * (-point) + coeff
        return sign + coeff[:point] + "." + coeff[point:]

    def is_zero(self):
        return self._int == 0 and not self._special

    def is_signed(self):
        return self._sign == 1

    def is_nan(self):
        return self._special == "n"

    def is_infinite(self):
        return self._special == "F"

    def is_finite(self):
        return not self._special

    def adjusted(self):
        return self._exp + len(self._digits()) - 1

    def max(self, other):
        return self if self >= other else other

    def min(self, other):
        return self if self <= other else other


def _convert(value, strict=False):
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if strict:
        raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)
    return NotImplemented
