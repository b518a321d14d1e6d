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


class int_info(_StructSequence):
    __module__ = "sys"
    _name = "sys.int_info"
    _fields = ("bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold")
    if _gilsim.version < (3, 7):
        _fields = _fields[:2]


class hash_info(_StructSequence):
    __module__ = "sys"
    _name = "sys.hash_info"
    _fields = ("width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff")


version_info = version_info(_gilsim.version[0], _gilsim.version[1], 0, "final", 0)
int_info = int_info(*(30, 4, 4300, 640)[:len(int_info._fields)])
# A 64-bit build's numeric hash (gilsim's own, gilsim_vm::hash) and string hash algorithm.
# The modulus 2**61 - 1 is written out: a `**` would link the complex module into every run.
hash_info = hash_info(64, 2305843009213693951, 314159, 0, 1000003,
                      "siphash13" if _gilsim.version >= (3, 11) else "siphash24", 64, 128, 0)
if _gilsim.version < (3, 0):
    del hash_info


def intern(string):
    # Strings are values in the simulation: interning changes nothing a script can observe
    # except `is`, which equal strings already satisfy here.
    if type(string) is not str:
        raise TypeError("intern() argument must be str, not %s" % type(string).__name__)
    return string


def _generator():
    yield


def _by_version(sizes):
    # The value for the running version from (first version, value) pairs, oldest first.
    value = sizes[0][1]
    for since, size in sizes:
        if _gilsim.version >= since:
            value = size
    return value


def getsizeof(obj, default=None):
    # The sizes each CPython release reports on a 64-bit build for the built-in types (a list
    # as if built at its current length, a dict or set as if filled one key at a time).
    kind = type(obj)
    old = _gilsim.version < (3, 8)
    if obj is None:
        return 16
    if kind is bool:
        return 28 if obj or _gilsim.version >= (3, 11) else 24
    if kind is int:
        if obj == 0:
            return 28 if _gilsim.version >= (3, 11) else 24
        return 24 + 4 * max(1, (abs(obj).bit_length() + 29) // 30)
    if kind is float:
        return 24
    if kind is str:
        widest = max((ord(c) for c in obj), default=0)
        new = _gilsim.version >= (3, 12)
        if widest < 128:
            return (41 if new else 49) + len(obj)
        if widest < 256:
            return (60 if new else 73) + len(obj)
        if widest < 65536:
            return (58 if new else 74) + 2 * len(obj)
        return (60 if new else 76) + 4 * len(obj)
    if kind is bytes:
        return 33 + len(obj)
    if kind is tuple:
        return (56 if old else 40) + 8 * len(obj)
    if kind is list:
        return (72 if old else 56) + 8 * len(obj)
    if kind in (set, frozenset):
        # setobject.c: a table of 8 inside the object, a table of its own once grown (the
        # layout gilsim keeps; for members placed by insertion, as if added one by one:
        # quadrupled, doubled past 50000 entries, once 3/5 full).
        table = _gilsim.set_table_size(obj)
        if table is None:
            table, fill = 8, 0
            for _ in range(len(obj)):
                fill += 1
                if fill * 5 >= (table - 1) * 3:
                    used = fill
                    table = 8
                    while table <= (used * 2 if used > 50000 else used * 4):
                        table *= 2
        base = 232 if old else 216
        return base if table == 8 else base + 16 * table
    if kind is dict:
        if not obj and not old:
            return 64
        slots = 8
        while slots * 2 // 3 < len(obj):
            slots *= 2
        index_width = 1 if slots <= 128 else 2 if slots <= 32768 else 4
        if _gilsim.version < (3, 11):
            # Before 3.11 every entry held a hash, a key and a value.
            return (120 if old else 104) + slots * index_width + (slots * 2 // 3) * 24
        entry = 16 if all(type(key) is str for key in obj) else 24
        return 96 + slots * index_width + (slots * 2 // 3) * entry
    if kind is type(_generator()):
        return _by_version([((3, 6), 96), ((3, 7), 128), ((3, 8), 112), ((3, 10), 104), ((3, 11), 200), ((3, 12), 192)])
    if kind is type(_generator):
        return _by_version([((3, 6), 144), ((3, 8), 136), ((3, 10), 144), ((3, 11), 152), ((3, 12), 160)])
    if isinstance(obj, type):
        return _by_version([((3, 6), 1064), ((3, 10), 1072), ((3, 11), 1688), ((3, 12), 1704), ((3, 13), 1712)])
    if kind is object:
        return 16
    # An instance of a class statement (with its __dict__ and __weakref__).
    return _by_version([((3, 6), 64), ((3, 8), 48), ((3, 11), 56), ((3, 12), 48)])


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


class flags(_StructSequence):
    # The command-line flags of a plain `python3 script.py` (no -O, -X, environment).
    __module__ = "sys"
    _name = "sys.flags"
    _fields = ("debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
               "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated")
    if _gilsim.version >= (3, 7):
        _fields += ("dev_mode", "utf8_mode")
    if _gilsim.version >= (3, 10):
        _fields += ("warn_default_encoding",)
    if _gilsim.version >= (3, 11):
        _fields += ("safe_path",)
    if _gilsim.version >= (3, 7):
        _fields += ("int_max_str_digits",)
    if _gilsim.version < (3, 0):
        _fields = ("debug", "py3k_warning", "division_warning", "division_new", "inspect", "interactive",
                   "optimize", "dont_write_bytecode", "no_user_site", "no_site", "ignore_environment", "tabcheck",
                   "verbose", "unicode", "bytes_warning", "hash_randomization")


def _flag_value(name):
    if name in ("dev_mode", "safe_path"):
        return False
    if name == "hash_randomization":
        return 1 if _gilsim.version >= (3, 0) else 0
    if name == "int_max_str_digits":
        return int_info.default_max_str_digits if _gilsim.version >= (3, 12) else -1
    return 0


flags = flags(*[_flag_value(name) for name in flags._fields])


class thread_info(_StructSequence):
    __module__ = "sys"
    _name = "sys.thread_info"
    _fields = ("name", "lock", "version")


if _gilsim.version >= (3, 3):
    thread_info = thread_info("pthread", "semaphore", "NPTL 2.36")
else:
    del thread_info

# Debian's layout (executable above).
prefix = exec_prefix = "/usr"
if _gilsim.version >= (3, 3):
    base_prefix = base_exec_prefix = "/usr"
if _gilsim.version >= (3, 2):
    abiflags = ("m" if _gilsim.version < (3, 8) else "") + ("t" if _gilsim.free_threaded else "")
float_repr_style = "short"
api_version = 1013
dont_write_bytecode = False
warnoptions = []


def is_finalizing():
    return False


if _gilsim.version < (3, 5):
    del is_finalizing


def getdefaultencoding():
    return "utf-8"


def getfilesystemencoding():
    return "utf-8"


def settrace(function):
    # The calling thread's trace function (gilsim_vm::settrace).
    _gilsim.settrace(function)


def gettrace():
    return _gilsim.gettrace()
