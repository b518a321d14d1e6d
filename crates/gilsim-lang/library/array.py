# gilsim's `array` module: CPython's Modules/arraymodule.c in Python — typed arrays of
# numbers (or 'u' characters) with the item ranges, conversions, methods, operators and
# error messages of each release (3.13 adds 'w' and deprecates 'u'). Listed as C code
# (gilsim_lang::library::WRITTEN_IN_C): its methods offer no switch.
import struct as _struct
import _gilsim

_V = _gilsim.version
typecodes = "bBuwhHiIlLqQfd" if _V >= (3, 13) else "bBuhHiIlLqQfd"
_SIZES = {"b": 1, "B": 1, "u": 4, "w": 4, "h": 2, "H": 2, "i": 4, "I": 4, "l": 8, "L": 8,
          "q": 8, "Q": 8, "f": 4, "d": 8}
_LONG = 2 ** 63
_ULONG = 2 ** 64


def _overflow(message):
    return OverflowError(message)


def _check_int(typecode, value):
    # The converters of arraymodule.c (through getargs.c's formats), in their order.
    if isinstance(value, float):
        if _V >= (3, 10):
            raise TypeError("'float' object cannot be interpreted as an integer")
        raise TypeError("integer argument expected, got float")
    if not isinstance(value, int):
        value = value.__index__() if hasattr(value, "__index__") else value
        if not isinstance(value, int):
            raise TypeError("an integer is required (got type %s)" % type(value).__name__)
    if typecode in "qQ":
        if typecode == "Q" and value < 0:
            raise _overflow("can't convert negative int to unsigned")
        if not (-_LONG <= value < (_ULONG if typecode == "Q" else _LONG)):
            raise _overflow("int too big to convert")
        return value
    if typecode in "IL":
        if value < 0:
            raise _overflow("can't convert negative value to unsigned int")
        if value >= _ULONG:
            raise _overflow("Python int too large to convert to C unsigned long")
        if typecode == "I" and value >= 2 ** 32:
            raise _overflow("unsigned int is greater than maximum")
        return value
    if not (-_LONG <= value < _LONG):
        raise _overflow("Python int too large to convert to C long")
    if typecode == "l":
        return value
    if typecode in "bh":
        if not (-2 ** 15 <= value < 2 ** 15):
            raise _overflow("signed short integer is %s" % _side(value))
        if typecode == "b" and not (-128 <= value < 128):
            raise _overflow("signed char is %s" % _side(value))
        return value
    if typecode == "B":
        if not (0 <= value < 256):
            raise _overflow("unsigned byte integer is %s" % _side(value))
        return value
    if not (-2 ** 31 <= value < 2 ** 31):
        raise _overflow("signed integer is %s" % _side(value))
    if typecode == "H" and not (0 <= value < 2 ** 16):
        raise _overflow("unsigned short is %s" % _side(value))
    return value


def _side(value):
    return "greater than maximum" if value > 0 else "less than minimum"


def _convert(typecode, value):
    if typecode in "uw":
        if not isinstance(value, str) or len(value) != 1:
            raise TypeError("array item must be unicode character")
        return value
    if typecode in "fd":
        if isinstance(value, (int, float)) and not isinstance(value, bool) or isinstance(value, bool):
            value = float(value)
        elif hasattr(value, "__float__"):
            value = value.__float__()
        else:
            raise TypeError("must be real number, not %s" % type(value).__name__)
        if typecode == "f":
            value = _struct.unpack("f", _struct.pack("f", value))[0]
        return value
    return _check_int(typecode, value)


class array(object):
    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError("array() argument 1 must be a unicode character, not %s" % type(typecode).__name__)
        if typecode not in typecodes:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        if typecode == "u" and _V >= (3, 13):
            _gilsim.warn("The 'u' type code is deprecated and will be removed in Python 3.16",
                         "DeprecationWarning", 1, True)
        self._typecode = typecode
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, str):
            if typecode not in "uw":
                raise TypeError("cannot use a str to initialize an array with typecode '%s'" % typecode)
            self._items = list(initializer)
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, array):
            if initializer._typecode in "uw" and typecode not in "uw":
                raise TypeError("cannot use a unicode array to initialize an array with typecode '%s'" % typecode)
            self._items = [_convert(typecode, x) for x in initializer._items]
        else:
            self.extend(initializer)

    @property
    def typecode(self):
        return self._typecode

    @property
    def itemsize(self):
        return _SIZES[self._typecode]

    def __repr__(self):
        if not self._items:
            return "array('%s')" % self._typecode
        if self._typecode in "uw":
            return "array('%s', %r)" % (self._typecode, "".join(self._items))
        return "array('%s', %r)" % (self._typecode, self._items)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(list(self._items))

    def __contains__(self, value):
        return value in self._items

    def _same(self, other, operation):
        if not isinstance(other, array):
            raise TypeError(operation % type(other).__name__)
        if other._typecode != self._typecode:
            raise TypeError("bad argument type for built-in operation")

    def _make(self, items):
        made = array(self._typecode)
        made._items = items
        return made

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._make(self._items[index])
        try:
            return self._items[index]
        except IndexError:
            raise IndexError("array index out of range")

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            if not isinstance(value, array):
                raise TypeError('can only assign array (not "%s") to array slice' % type(value).__name__)
            if value._typecode != self._typecode:
                raise TypeError("bad argument type for built-in operation")
            self._items[index] = list(value._items)
            return
        value = _convert(self._typecode, value)
        try:
            self._items[index] = value
        except IndexError:
            raise IndexError("array assignment index out of range")

    def __delitem__(self, index):
        try:
            del self._items[index]
        except IndexError:
            raise IndexError("array assignment index out of range")

    def __add__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        self._same(other, "%s")
        return self._make(self._items + other._items)

    def __iadd__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        self._same(other, "%s")
        self._items.extend(other._items)
        return self

    def __mul__(self, n):
        return self._make(self._items * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= n
        return self

    def _compare(self, other):
        return other._items if isinstance(other, array) else NotImplemented

    def __eq__(self, other):
        items = self._compare(other)
        return items if items is NotImplemented else self._items == items

    def __ne__(self, other):
        items = self._compare(other)
        return items if items is NotImplemented else self._items != items

    def __lt__(self, other):
        items = self._compare(other)
        return items if items is NotImplemented else self._items < items

    def __le__(self, other):
        items = self._compare(other)
        return items if items is NotImplemented else self._items <= items

    def __gt__(self, other):
        items = self._compare(other)
        return items if items is NotImplemented else self._items > items

    def __ge__(self, other):
        items = self._compare(other)
        return items if items is NotImplemented else self._items >= items

    __hash__ = None

    def append(self, value):
        self._items.append(_convert(self._typecode, value))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable._typecode != self._typecode:
                raise TypeError("can only extend with array of same kind")
            self._items.extend(iterable._items)
            return
        for value in iterable:
            self._items.append(_convert(self._typecode, value))

    def insert(self, index, value):
        self._items.insert(index, _convert(self._typecode, value))

    def pop(self, index=-1):
        if not self._items:
            raise IndexError("pop from empty array")
        try:
            return self._items.pop(index)
        except IndexError:
            raise IndexError("pop index out of range")

    def remove(self, value):
        if value not in self._items:
            raise ValueError("array.remove(x): x not in %s" % ("list" if _V < (3, 7) else "array"))
        self._items.remove(value)

    def index(self, value, start=0, stop=None):
        items = self._items[start:stop] if stop is not None else self._items[start:]
        if value not in items:
            raise ValueError("array.index(x): x not in %s" % ("list" if _V < (3, 7) else "array"))
        return items.index(value) + (start if start >= 0 else max(len(self._items) + start, 0))

    def count(self, value):
        return self._items.count(value)

    def reverse(self):
        self._items.reverse()

    def tolist(self):
        return list(self._items)

    def fromlist(self, items):
        if not isinstance(items, list):
            raise TypeError("arg must be list")
        converted = [_convert(self._typecode, x) for x in items]
        self._items.extend(converted)

    def _format(self):
        return {"u": "I", "w": "I"}.get(self._typecode, self._typecode)

    def tobytes(self):
        if self._typecode in "uw":
            return b"".join(_struct.pack("<I", ord(c)) for c in self._items)
        return _struct.pack("<%d%s" % (len(self._items), self._format()), *self._items)

    def frombytes(self, data):
        data = bytes(data)
        size = self.itemsize
        if len(data) % size:
            raise ValueError("bytes length not a multiple of item size")
        values = _struct.unpack("<%d%s" % (len(data) // size, self._format()), data)
        if self._typecode in "uw":
            values = [chr(v) for v in values]
        self._items.extend(values)

    def tounicode(self):
        if self._typecode not in "uw":
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return "".join(self._items)

    def fromunicode(self, text):
        if self._typecode not in "uw":
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._items.extend(text)

    def byteswap(self):
        if self._typecode in "uw":
            raise RuntimeError("don't know how to byteswap this array type")
        data = self.tobytes()
        size = self.itemsize
        swapped = b"".join(data[i:i + size][::-1] for i in range(0, len(data), size))
        self._items = []
        self.frombytes(swapped)

    def buffer_info(self):
        return (id(self), len(self._items))

    def __copy__(self):
        return self._make(list(self._items))

    def __deepcopy__(self, memo):
        return self.__copy__()

    def __reduce__(self):
        return (array, (self._typecode, list(self._items)))


ArrayType = array
array.__module__ = "array"
