# gilsim's ctypes: the part threaded programs use — C scalar types (`c_long`, `c_ulong`,
# `py_object`, ...) and `pythonapi.PyThreadState_SetAsyncExc`, the recipe that asks another
# thread to raise an exception (CPython stores it in the target's thread state; the target
# raises it at its next eval-breaker check). No foreign library is loaded: `CDLL`,
# `cdll` and `windll` are not provided, and `pythonapi` has this one function.
#
# Values are LP64's (Linux x86-64): `c_long` and `c_longlong` are one type, as in CPython,
# `c_int` is 32 bits. An argument passed without `argtypes` as a Python int is a C int, as
# ctypes passes it: a thread ident (larger than 2**31) does not fit, so the call finds no
# thread and returns 0, which is why the recipes wrap the ident in `c_long`.

import _gilsim

_gilsim.allow_async_exc()


class ArgumentError(Exception):
    pass


class _SimpleCData(object):
    _type_ = None

    def __init__(self, value=None):
        if value is None:
            value = self._default
        self.value = value

    def __setattr__(self, name, value):
        if name == "value":
            value = self._convert(value)
        object.__setattr__(self, name, value)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.value)


class _Integer(_SimpleCData):
    _default = 0

    @classmethod
    def _convert(cls, value):
        if not isinstance(value, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
        value &= (1 << cls._bits) - 1
        if cls._signed and value >> (cls._bits - 1):
            value -= 1 << cls._bits
        return value


def _integer(name, code, bits, signed):
    return type(name, (_Integer,), {"_type_": code, "_bits": bits, "_signed": signed, "__module__": "ctypes"})


c_byte = _integer("c_byte", "b", 8, True)
c_ubyte = _integer("c_ubyte", "B", 8, False)
c_short = _integer("c_short", "h", 16, True)
c_ushort = _integer("c_ushort", "H", 16, False)
c_int = _integer("c_int", "i", 32, True)
c_uint = _integer("c_uint", "I", 32, False)
c_long = _integer("c_long", "l", 64, True)
c_ulong = _integer("c_ulong", "L", 64, False)
c_longlong = c_long
c_ulonglong = c_ulong
c_int8 = c_byte
c_uint8 = c_ubyte
c_int16 = c_short
c_uint16 = c_ushort
c_int32 = c_int
c_uint32 = c_uint
c_int64 = c_long
c_uint64 = c_ulong
c_size_t = c_ulong
c_ssize_t = c_long


class c_bool(_SimpleCData):
    _type_ = "?"
    _default = False

    @staticmethod
    def _convert(value):
        return bool(value)


class c_double(_SimpleCData):
    _type_ = "d"
    _default = 0.0

    @staticmethod
    def _convert(value):
        return float(value)


class c_float(c_double):
    _type_ = "f"


class py_object(_SimpleCData):
    _type_ = "O"

    def __init__(self, *value):
        if value:
            object.__setattr__(self, "_object", value[0])

    def __getattr__(self, name):
        if name == "value":
            raise ValueError("PyObject is NULL")
        raise AttributeError("'py_object' object has no attribute '%s'" % name)

    def __setattr__(self, name, value):
        if name == "value":
            name = "_object"
        object.__setattr__(self, name, value)

    def __repr__(self):
        try:
            return "py_object(%r)" % (self._object,)
        except AttributeError:
            return "py_object(<NULL>)"


_SIZES = {"b": 1, "B": 1, "h": 2, "H": 2, "i": 4, "I": 4, "l": 8, "L": 8, "?": 1, "d": 8, "f": 4, "O": 8}


def sizeof(obj_or_type):
    kind = obj_or_type if isinstance(obj_or_type, type) else type(obj_or_type)
    code = getattr(kind, "_type_", None)
    if code not in _SIZES:
        raise TypeError("this type has no size")
    return _SIZES[code]


def _argument(value, argtype):
    """What the C function receives for `value`: an int, an object, or None for NULL."""
    if argtype is not None:
        if isinstance(value, argtype):
            return value._object if argtype is py_object else value.value
        if argtype is py_object:
            return value
        return argtype(value).value
    if value is None:
        return None
    if isinstance(value, py_object):
        return getattr(value, "_object", None)
    if isinstance(value, _SimpleCData):
        return value.value
    if isinstance(value, int):
        return c_int(value).value
    raise ArgumentError("argument: %s: Don't know how to convert parameter" % type(value))


class _FuncPtr(object):
    def __init__(self, name, function):
        self.__name__ = name
        self._function = function
        self.argtypes = None
        self.restype = c_int

    def __call__(self, *args):
        types = self.argtypes
        if types is not None and len(args) != len(types):
            raise TypeError("this function takes %d argument%s (%d given)"
                            % (len(types), "" if len(types) == 1 else "s", len(args)))
        converted = [_argument(arg, None if types is None else types[i]) for i, arg in enumerate(args)]
        return self._function(*converted)

    def __repr__(self):
        return "<_FuncPtr object %s>" % self.__name__


def _set_async_exc(ident, exc):
    if not isinstance(ident, int):
        return 0
    return _gilsim.set_async_exc(ident & 0xFFFFFFFFFFFFFFFF, exc)


class PyDLL(object):
    def __init__(self):
        self.PyThreadState_SetAsyncExc = _FuncPtr("PyThreadState_SetAsyncExc", _set_async_exc)

    def __getattr__(self, name):
        raise AttributeError("python: undefined symbol: %s" % name)


pythonapi = PyDLL()
