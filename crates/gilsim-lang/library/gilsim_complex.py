# complex: the built-in type, written after CPython's Objects/complexobject.c (a C type:
# linked as C, no switch point inside). Scripts reach it as the built-in `complex` and
# through literals (`2j`), both of which the compiler turns into this class; a float power
# of a negative base to a fractional exponent comes here too (`float_pow`).
import _gilsim

_V = _gilsim.version
_OLD_MESSAGES = _V < (3, 10)
_NO_DICT = " and no __dict__ for setting new attributes" if _V >= (3, 13) else ""


def _part(x, sign):
    # A part of the repr: the float's shortest repr without ".0" (CPython's 'r' format),
    # the imaginary part with its sign.
    s = repr(x)
    if s.endswith(".0"):
        s = s[:-2]
    if sign and not s.startswith("-"):
        s = "+" + s
    return s


def _str_part(x, sign):
    # Python 2's str() of a complex: 12 significant digits ('g'), as its str() of a float.
    s = "%.12g" % x
    if sign and not s.startswith("-"):
        s = "+" + s
    return s


def _is_positive_zero(x):
    return x == 0.0 and str(x)[0] != "-"


def _make(real, imag):
    z = object.__new__(complex)
    object.__setattr__(z, "real", real)
    object.__setattr__(z, "imag", imag)
    return z


def _number(x):
    # (real, imag) of an operand the arithmetic takes, or None (NotImplemented).
    if isinstance(x, complex):
        return x.real, x.imag
    if isinstance(x, (int, float)):
        return float(x), 0.0
    return None


def _from_string(s):
    text = s.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    malformed = ValueError("complex() arg is a malformed string")
    if not text or any(c.isspace() for c in text):
        raise malformed
    if text[-1] not in "jJ":
        try:
            return _make(float(text), 0.0)
        except ValueError:
            raise malformed from None
    body = text[:-1]
    split = 0
    for i in range(len(body) - 1, 0, -1):
        if body[i] in "+-" and body[i - 1] not in "eE":
            split = i
            break
    real_text, imag_text = body[:split], body[split:]
    try:
        real = float(real_text) if real_text else 0.0
        if imag_text in ("", "+", "-"):
            imag = -1.0 if imag_text == "-" else 1.0
        else:
            imag = float(imag_text)
    except ValueError:
        raise malformed from None
    return _make(real, imag)


def _as_parts(x, which):
    # complex()'s argument as (real, imag): a number, or something with __complex__,
    # __float__ or __index__.
    if isinstance(x, complex):
        return x.real, x.imag
    if isinstance(x, (int, float)):
        return float(x), 0.0
    for hook in ("__complex__", "__float__", "__index__"):
        method = getattr(type(x), hook, None)
        if method is not None:
            value = method(x)
            if hook == "__complex__":
                if not isinstance(value, complex):
                    raise TypeError("__complex__ returned non-complex (type %s)" % type(value).__name__)
                return value.real, value.imag
            return float(value), 0.0
    if which == "first":
        raise TypeError("complex() first argument must be a string or a number, not '%s'" % type(x).__name__)
    raise TypeError("complex() second argument must be a number, not '%s'" % type(x).__name__)


def _quotient(ar, ai, br, bi):
    # CPython's _Py_c_quot (Smith's method, as it scales).
    abs_br = -br if br < 0 else br
    abs_bi = -bi if bi < 0 else bi
    if abs_br >= abs_bi:
        if abs_br == 0.0:
            raise ZeroDivisionError("complex division by zero")
        ratio = bi / br
        denom = br + bi * ratio
        return (ar + ai * ratio) / denom, (ai - ar * ratio) / denom
    if abs_bi >= abs_br:
        ratio = br / bi
        denom = br * ratio + bi
        return (ar * ratio + ai) / denom, (ai * ratio - ar) / denom
    nan = float("nan")
    return nan, nan


def _product(ar, ai, br, bi):
    return ar * br - ai * bi, ar * bi + ai * br


def _power(ar, ai, br, bi):
    # CPython's complex_pow: repeated squaring for a small integral exponent, else polar.
    if bi == 0.0 and abs(br) <= 100.0 and br == int(br):
        n = int(br)
        rr, ri = 1.0, 0.0
        pr, pi = ar, ai
        mask = 1
        m = -n if n < 0 else n
        while mask > 0 and m >= mask:
            if m & mask:
                rr, ri = _product(rr, ri, pr, pi)
            mask <<= 1
            pr, pi = _product(pr, pi, pr, pi)
        if n < 0:
            try:
                rr, ri = _quotient(1.0, 0.0, rr, ri)
            except ZeroDivisionError:
                raise ZeroDivisionError(_ZERO_POWER) from None
        return _checked(rr, ri)
    if br == 0.0 and bi == 0.0:
        return 1.0, 0.0
    if ar == 0.0 and ai == 0.0:
        if bi != 0.0 or br < 0.0:
            raise ZeroDivisionError(_ZERO_POWER)
        return 0.0, 0.0
    import math
    # The C library's errno, as complex_pow reports it: EDOM (math's ValueError, as from
    # cos(inf)) the ZeroDivisionError, ERANGE (its OverflowError) the OverflowError.
    try:
        vabs = _gilsim.c_hypot(ar, ai)
        length = math.pow(vabs, br)
        at = math.atan2(ai, ar)
        phase = at * br
        if bi != 0.0:
            length /= math.exp(at * bi)
            phase += bi * math.log(vabs)
        return _checked(length * math.cos(phase), length * math.sin(phase))
    except ValueError:
        raise ZeroDivisionError(_ZERO_POWER) from None
    except OverflowError:
        raise OverflowError("complex exponentiation") from None


_ZERO_POWER = "0.0 to a negative or complex power"


def _checked(real, imag):
    inf = float("inf")
    if real in (inf, -inf) or imag in (inf, -inf):
        raise OverflowError("complex exponentiation")
    return real, imag


class complex(object):
    __module__ = "builtins"
    __slots__ = ("real", "imag")

    def __new__(cls, real=0, imag=None):
        if isinstance(real, str):
            if imag is not None:
                raise TypeError("complex() can't take second arg if first is a string")
            z = _from_string(real)
            return z if cls is complex else _subclass(cls, z.real, z.imag)
        if isinstance(imag, str):
            raise TypeError("complex() second arg can't be a string")
        # CPython's complex_new: real + imag * 1j, each part added only where there is one
        # (complex(1, -0.0) keeps the sign of its zero).
        result_real, result_imag = _as_parts(real, "first")
        if imag is not None:
            ir, ii = _as_parts(imag, "second")
            if isinstance(imag, complex):
                result_real -= ii
            result_imag = result_imag + ir if isinstance(real, complex) else ir
        if cls is complex:
            return _make(result_real, result_imag)
        return _subclass(cls, result_real, result_imag)

    def __setattr__(self, name, value):
        if name in ("real", "imag"):
            raise AttributeError("readonly attribute")
        raise AttributeError("'complex' object has no attribute '%s'%s" % (name, _NO_DICT))

    def __repr__(self):
        if _is_positive_zero(self.real):
            return _part(self.imag, False) + "j"
        return "(%s%sj)" % (_part(self.real, False), _part(self.imag, True))

    if _V < (3, 0):

        def __str__(self):
            if _is_positive_zero(self.real):
                return _str_part(self.imag, False) + "j"
            return "(%s%sj)" % (_str_part(self.real, False), _str_part(self.imag, True))

    def __format__(self, spec):
        if not spec:
            return str(self)
        return _format(self, spec)

    def __hash__(self):
        h = hash(self.real) + 1000003 * hash(self.imag)
        h = (h + 2**63) % 2**64 - 2**63
        return -2 if h == -1 else h

    def __eq__(self, other):
        o = _number(other)
        if o is None:
            return NotImplemented
        return self.real == o[0] and self.imag == o[1]

    def __ne__(self, other):
        o = _number(other)
        if o is None:
            return NotImplemented
        return not (self.real == o[0] and self.imag == o[1])

    def __bool__(self):
        return self.real != 0.0 or self.imag != 0.0

    __nonzero__ = __bool__

    def __neg__(self):
        return _make(-self.real, -self.imag)

    def __pos__(self):
        return _make(self.real, self.imag)

    def __abs__(self):
        if self.real in (float("inf"), float("-inf")) or self.imag in (float("inf"), float("-inf")):
            return float("inf")
        result = _gilsim.c_hypot(self.real, self.imag)
        if result == float("inf"):
            raise OverflowError("absolute value too large")
        return result

    def conjugate(self):
        return _make(self.real, -self.imag)

    def __complex__(self):
        return _make(self.real, self.imag)

    def __getnewargs__(self):
        return (self.real, self.imag)

    def __reduce__(self):
        return (complex, (self.real, self.imag))

    def __add__(self, other):
        o = _number(other)
        if o is None:
            return NotImplemented
        return _make(self.real + o[0], self.imag + o[1])

    def __radd__(self, other):
        o = _number(other)
        if o is None:
            return NotImplemented
        return _make(o[0] + self.real, o[1] + self.imag)

    def __sub__(self, other):
        o = _number(other)
        if o is None:
            return NotImplemented
        return _make(self.real - o[0], self.imag - o[1])

    def __rsub__(self, other):
        o = _number(other)
        if o is None:
            return NotImplemented
        return _make(o[0] - self.real, o[1] - self.imag)

    def __mul__(self, other):
        o = _number(other)
        if o is None:
            return NotImplemented
        return _make(*_product(self.real, self.imag, o[0], o[1]))

    def __rmul__(self, other):
        o = _number(other)
        if o is None:
            return NotImplemented
        return _make(*_product(o[0], o[1], self.real, self.imag))

    def __truediv__(self, other):
        o = _number(other)
        if o is None:
            return NotImplemented
        return _make(*_quotient(self.real, self.imag, o[0], o[1]))

    def __rtruediv__(self, other):
        o = _number(other)
        if o is None:
            return NotImplemented
        return _make(*_quotient(o[0], o[1], self.real, self.imag))

    __div__, __rdiv__ = __truediv__, __rtruediv__

    def __pow__(self, other, modulo=None):
        if modulo is not None:
            raise ValueError("complex modulo")
        o = _number(other)
        if o is None:
            return NotImplemented
        return _make(*_power(self.real, self.imag, o[0], o[1]))

    def __rpow__(self, other):
        o = _number(other)
        if o is None:
            return NotImplemented
        return _make(*_power(o[0], o[1], self.real, self.imag))

    if _OLD_MESSAGES:
        # Before 3.10 complex defined these, to refuse them with its own messages.

        def __int__(self):
            raise TypeError("can't convert complex to int")

        def __float__(self):
            raise TypeError("can't convert complex to float")

        def __floordiv__(self, other):
            raise TypeError("can't take floor of complex number.")

        __rfloordiv__ = __floordiv__

        def __mod__(self, other):
            raise TypeError("can't mod complex numbers.")

        __rmod__ = __mod__

        def __divmod__(self, other):
            raise TypeError("can't take floor or mod of complex number.")

        __rdivmod__ = __divmod__

    def __lt__(self, other):
        return NotImplemented

    __le__ = __gt__ = __ge__ = __lt__


def _subclass(cls, real, imag):
    # A subclass of complex (rare): an instance with the parts set on it.
    z = object.__new__(cls)
    object.__setattr__(z, "real", real)
    object.__setattr__(z, "imag", imag)
    return z


def _format(z, spec):
    # format(z, spec), as CPython's format_complex_internal: each part formatted as a float,
    # the imaginary one signed, then the fill, alignment and width applied to the whole.
    i, n = 0, len(spec)
    fill, align = " ", None
    if n >= 2 and spec[1] in "<>^=":
        fill, align, i = spec[0], spec[1], 2
    elif n >= 1 and spec[0] in "<>^=":
        align, i = spec[0], 1
    sign = ""
    if i < n and spec[i] in "+- ":
        sign, i = spec[i], i + 1
    alternate = ""
    if i < n and spec[i] == "#":
        alternate, i = "#", i + 1
    if i < n and spec[i] == "0":
        raise ValueError("Zero padding is not allowed in complex format specifier")
    start = i
    while i < n and spec[i].isdigit():
        i += 1
    width = int(spec[start:i]) if i > start else 0
    grouping = ""
    if i < n and spec[i] in ",_":
        grouping, i = spec[i], i + 1
    precision = None
    if i < n and spec[i] == ".":
        start = i + 1
        i = start
        while i < n and spec[i].isdigit():
            i += 1
        precision = int(spec[start:i])
    kind = spec[i:]
    if len(kind) > 1 or kind == "%" or kind and kind not in "eEfFgGn":
        raise ValueError("Unknown format code '%s' for object of type 'complex'" % kind)
    if align == "=":
        raise ValueError("'=' alignment flag is not allowed in complex format specifier")
    parens = kind == ""
    skip_real = parens and _is_positive_zero(z.real)
    if kind == "":
        if precision is None:
            parts = [_part(z.real, False), _part(z.imag, not skip_real)]
            if sign and not parts[0].startswith("-"):
                parts[0] = (sign if sign != "-" else "") + parts[0]
        else:
            kind = "g"
    if kind:
        tail = "%s%s%s%s" % (alternate, grouping, "" if precision is None else "." + str(precision), kind)
        real_text = format(z.real, sign + tail)
        imag_text = format(z.imag, ("+" if not skip_real else sign) + tail)
        parts = [real_text, imag_text]
    body = (parts[1] if skip_real else parts[0] + parts[1]) + "j"
    if parens:
        body = "(" + body + ")" if not skip_real else body
    if width > len(body):
        pad = width - len(body)
        if align == "<":
            body = body + fill * pad
        elif align == "^":
            body = fill * (pad // 2) + body + fill * (pad - pad // 2)
        else:
            body = fill * pad + body
    return body


def float_pow(base, exponent):
    # A negative float to a fractional power: the complex power, as CPython's float_pow.
    return complex(base) ** complex(exponent)
