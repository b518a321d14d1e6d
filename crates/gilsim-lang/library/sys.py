# sys: the names written in Python, loaded on first use — version_info and float_info as
# CPython's struct sequences (fields and tuple behaviour). The rest of sys is native
# (modules/sys.rs). Every program links this module (threading's excepthook imports sys), so
# it imports nothing: whatever it imported would be loaded into every program too.
import _gilsim


def _values_of(other):
    return other._values if isinstance(other, _StructSequence) else other


class _StructSequence(object):
    # A struct sequence (Objects/structseq.c): a tuple whose items are also read-only
    # attributes. gilsim cannot subclass tuple, so isinstance(seq, tuple) is False here.
    _name = ""
    _fields = ()

    def __init__(self, *values):
        object.__setattr__(self, "_values", values)

    def __getattr__(self, name):
        fields = type(self)._fields
        if name in fields:
            return self._values[fields.index(name)]
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self)._name, name))

    def __setattr__(self, name, value):
        raise AttributeError("readonly attribute")

    def __repr__(self):
        items = ", ".join("%s=%r" % pair for pair in zip(type(self)._fields, self._values))
        return "%s(%s)" % (type(self)._name, items)

    def __getitem__(self, index):
        return self._values[index]

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(self._values)

    def __contains__(self, item):
        return item in self._values

    def __hash__(self):
        return hash(self._values)

    def __eq__(self, other):
        return self._values == _values_of(other)

    def __ne__(self, other):
        return self._values != _values_of(other)

    def __lt__(self, other):
        return self._values < _values_of(other)

    def __le__(self, other):
        return self._values <= _values_of(other)

    def __gt__(self, other):
        return self._values > _values_of(other)

    def __ge__(self, other):
        return self._values >= _values_of(other)

    def __add__(self, other):
        return self._values + _values_of(other)

    def index(self, *args):
        return self._values.index(*args)

    def count(self, item):
        return self._values.count(item)


class version_info(_StructSequence):
    __module__ = "sys"
    _name = "sys.version_info"
    _fields = ("major", "minor", "micro", "releaselevel", "serial")


class float_info(_StructSequence):
    __module__ = "sys"
    _name = "sys.float_info"
    _fields = ("max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig",
               "epsilon", "radix", "rounds")


version_info = version_info(_gilsim.version[0], _gilsim.version[1], 0, "final", 0)


def intern(string):
    # Strings are values in the simulation: interning changes nothing a script can observe
    # except `is`, which equal strings already satisfy here.
    if type(string) is not str:
        raise TypeError("intern() argument must be str, not %s" % type(string).__name__)
    return string


def getsizeof(obj, default=None):
    # The sizes CPython 3.11 reports on a 64-bit build for the built-in types (a list as if
    # built at its current length, a dict or set as if filled one key at a time); 48 for any
    # other object.
    kind = type(obj)
    if obj is None:
        return 16
    if kind is bool:
        return 28
    if kind is int:
        return 24 + 4 * max(1, (abs(obj).bit_length() + 29) // 30)
    if kind is float:
        return 24
    if kind is str:
        widest = max((ord(c) for c in obj), default=0)
        if widest < 128:
            return 49 + len(obj)
        if widest < 256:
            return 73 + len(obj)
        if widest < 65536:
            return 74 + 2 * len(obj)
        return 76 + 4 * len(obj)
    if kind is bytes:
        return 33 + len(obj)
    if kind is tuple:
        return 40 + 8 * len(obj)
    if kind is list:
        return 56 + 8 * len(obj)
    if kind in (set, frozenset):
        # setobject.c: a table of 8 inside the object, quadrupled (doubled past 50000
        # entries) once 3/5 full.
        table, fill = 8, 0
        for _ in range(len(obj)):
            fill += 1
            if fill * 5 >= (table - 1) * 3:
                used = fill
                table = 8
                while table <= (used * 2 if used > 50000 else used * 4):
                    table *= 2
        return 216 if table == 8 else 216 + 16 * table
    if kind is dict:
        if not obj:
            return 64
        slots = 8
        while slots * 2 // 3 < len(obj):
            slots *= 2
        index_width = 1 if slots <= 128 else 2 if slots <= 32768 else 4
        entry = 16 if all(type(key) is str for key in obj) else 24
        return 96 + slots * index_width + (slots * 2 // 3) * entry
    return 48


# The simulated interpreter (Debian's layout, as traceback paths show it).
executable = "/usr/bin/python%d.%d" % _gilsim.version
hexversion = (_gilsim.version[0] << 24) | (_gilsim.version[1] << 16) | 0xF0
float_info = float_info(1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53,
                        2.220446049250313e-16, 2, 1)


class _Implementation(object):
    # sys.implementation (3.3+), a types.SimpleNamespace in CPython.
    def __init__(self):
        self.name = "cpython"
        self.cache_tag = "cpython-%d%d" % _gilsim.version
        self.version = version_info
        self.hexversion = hexversion
        self._multiarch = "x86_64-linux-gnu"

    def __repr__(self):
        fields = ["name", "cache_tag", "version", "hexversion", "_multiarch"]
        if _gilsim.version < (3, 9):
            fields.sort()  # SimpleNamespace's repr sorted its names before 3.9
        return "namespace(%s)" % ", ".join("%s=%r" % (f, getattr(self, f)) for f in fields)


if _gilsim.version >= (3, 3):
    implementation = _Implementation()


def getdefaultencoding():
    return "utf-8"


def getfilesystemencoding():
    return "utf-8"


def settrace(function):
    # The calling thread's trace function (gilsim_vm::settrace).
    _gilsim.settrace(function)


def gettrace():
    return _gilsim.gettrace()
