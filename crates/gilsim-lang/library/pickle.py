# pickle: CPython's pickle format, protocols 0 to 5 (4 before 3.8), written after the
# algorithm of CPython's Lib/pickle.py (_Pickler, _Unpickler): dumps() makes the bytes
# CPython's pickler makes for None, bools, ints of any size, floats, str, bytes, bytearray,
# tuples, lists, dicts, sets, frozensets, classes and functions (by name), and instances
# (their __reduce_ex__/__reduce__, else __getstate__ or __dict__); loads() reads them back.
# What cannot be pickled is refused with CPython's error (the interpreter's check,
# _gilsim.pickle_check). Frames (protocol 4) are cut at 64 KiB as CPython cuts them.
import io
import _gilsim
from struct import pack, unpack
from _gilsim_reduce import is_namedtuple as _is_namedtuple, slot_values as _slot_values
from _gilsim_reduce import new_args as _new_args, new_object as _make_new, user_hook as _user_hook

PickleError, PicklingError, UnpicklingError = _gilsim.pickle_errors()

HIGHEST_PROTOCOL = 5 if _gilsim.version >= (3, 8) else 4
DEFAULT_PROTOCOL = 4 if _gilsim.version >= (3, 8) else 3

_FRAME_SIZE_MIN = 4
_FRAME_SIZE_TARGET = 64 * 1024
_BATCHSIZE = 1000

# Python 2's names of what Python 3 renamed (CPython's _compat_pickle): protocols 0-2 write
# these, so Python 2 can read them, and reading maps them back.
_PY2_EXCEPTIONS = (
    "ArithmeticError AssertionError AttributeError BaseException BufferError BytesWarning "
    "DeprecationWarning EOFError EnvironmentError Exception FloatingPointError FutureWarning "
    "GeneratorExit IOError ImportError ImportWarning IndentationError IndexError KeyError "
    "KeyboardInterrupt LookupError MemoryError NameError NotImplementedError OSError "
    "OverflowError PendingDeprecationWarning ReferenceError RuntimeError RuntimeWarning "
    "StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TypeError "
    "UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError "
    "UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError"
).split()
_REVERSE_NAMES = {
    ("builtins", "range"): ("__builtin__", "xrange"),
    ("functools", "reduce"): ("__builtin__", "reduce"),
    ("sys", "intern"): ("__builtin__", "intern"),
    ("builtins", "chr"): ("__builtin__", "unichr"),
    ("builtins", "str"): ("__builtin__", "unicode"),
    ("builtins", "int"): ("__builtin__", "long"),
    ("builtins", "zip"): ("itertools", "izip"),
    ("builtins", "map"): ("itertools", "imap"),
    ("builtins", "filter"): ("itertools", "ifilter"),
    ("collections", "UserDict"): ("UserDict", "UserDict"),
    ("collections", "UserList"): ("UserList", "UserList"),
}
for _name in _PY2_EXCEPTIONS:
    _REVERSE_NAMES[("builtins", _name)] = ("exceptions", _name)
_REVERSE_MODULES = {"builtins": "__builtin__", "copyreg": "copy_reg", "queue": "Queue",
                    "_thread": "thread", "socketserver": "SocketServer"}
_NAMES = {v: k for k, v in _REVERSE_NAMES.items()}
_MODULES = {v: k for k, v in _REVERSE_MODULES.items()}


def _encode_long(x):
    if x == 0:
        return b""
    nbytes = (x.bit_length() >> 3) + 1
    result = x.to_bytes(nbytes, "little", signed=True)
    if x < 0 and nbytes > 1 and result[-1] == 0xFF and (result[-2] & 0x80) != 0:
        result = result[:-1]
    return result


def _decode_long(data):
    return int.from_bytes(data, "little", signed=True)


def _raw_unicode_escape(s):
    # Protocol 0's text form of a str (after pickle's own escapes).
    out = bytearray()
    for ch in s:
        code = ord(ch)
        if code < 256:
            out.append(code)
        elif code < 0x10000:
            out += ("\\u%04x" % code).encode("ascii")
        else:
            out += ("\\U%08x" % code).encode("ascii")
    return bytes(out)


def _raw_unicode_unescape(data):
    out = []
    i = 0
    while i < len(data):
        if data[i:i + 2] == b"\\u":
            out.append(chr(int(data[i + 2:i + 6], 16)))
            i += 6
        elif data[i:i + 2] == b"\\U":
            out.append(chr(int(data[i + 2:i + 10], 16)))
            i += 10
        else:
            out.append(chr(data[i]))
            i += 1
    return "".join(out)


class _Pickler:
    def __init__(self, protocol=None, fix_imports=True):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif not 0 <= protocol <= HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        self.proto = protocol
        self.bin = protocol >= 1
        self.fix_imports = fix_imports and protocol < 3
        self.memo = {}
        self.out = []
        self.frame = None
        self.interned = set()
        self.shared_strs = {}

    # -- output and framing
    def write(self, data):
        if self.frame is not None:
            self.frame += data
        else:
            self.out.append(data)

    def commit_frame(self, force=False):
        frame = self.frame
        if frame is not None and (len(frame) >= _FRAME_SIZE_TARGET or force):
            if len(frame) >= _FRAME_SIZE_MIN:
                self.out.append(b"\x95" + pack("<Q", len(frame)))
            self.out.append(bytes(frame))
            self.frame = bytearray()

    def write_large(self, header, payload):
        if self.frame is not None:
            self.commit_frame(force=True)
        self.out.append(header)
        self.out.append(payload)

    def dump(self, obj):
        if self.proto >= 2:
            self.write(b"\x80" + pack("<B", self.proto))
        if self.proto >= 4:
            self.frame = bytearray()
        self.save(obj)
        self.write(b".")
        if self.frame is not None:
            if len(self.frame):
                self.commit_frame(force=True)
            self.frame = None
        return b"".join(self.out)

    # -- the memo
    def memoize(self, obj):
        index = len(self.memo)
        if self.proto >= 4:
            self.write(b"\x94")
        elif self.bin:
            self.write(b"q" + pack("<B", index) if index < 256 else b"r" + pack("<I", index))
        else:
            self.write(b"p" + repr(index).encode("ascii") + b"\n")
        self.memo[id(obj)] = (index, obj)

    def get(self, index):
        if self.bin:
            return b"h" + pack("<B", index) if index < 256 else b"j" + pack("<I", index)
        return b"g" + repr(index).encode("ascii") + b"\n"

    # -- objects
    def save(self, obj):
        self.commit_frame()
        seen = self.memo.get(id(obj))
        if seen is not None:
            self.write(self.get(seen[0]))
            return
        kind = type(obj)
        if obj is None:
            self.write(b"N")
        elif kind is bool:
            if self.proto >= 2:
                self.write(b"\x88" if obj else b"\x89")
            else:
                self.write(b"I01\n" if obj else b"I00\n")
        elif kind is int:
            self.save_long(obj)
        elif kind is float:
            self.write(b"G" + pack(">d", obj) if self.bin else b"F" + repr(obj).encode("ascii") + b"\n")
        elif kind is str:
            self.save_str(obj)
        elif kind is bytes:
            self.save_bytes(obj)
        elif kind is bytearray:
            self.save_bytearray(obj)
        elif kind is tuple:
            self.save_tuple(obj)
        elif kind is list:
            self.write(b"]" if self.bin else b"(l")
            self.memoize(obj)
            self.batch_appends(obj)
        elif kind is dict:
            self.write(b"}" if self.bin else b"(d")
            self.memoize(obj)
            self.batch_setitems(list(obj.items()))
        elif kind is set:
            self.save_set(obj)
        elif kind is frozenset:
            self.save_frozenset(obj)
        elif kind is range:
            self.save_reduce(range, (obj.start, obj.stop, obj.step), obj=obj)
        elif kind is slice:
            self.save_reduce(slice, (obj.start, obj.stop, obj.step), obj=obj)
        elif kind.__name__ == "method" and hasattr(obj, "__func__"):
            # method.__reduce__: the method looked up again on its object (or class).
            self.save_reduce(getattr, (obj.__self__, obj.__func__.__name__), obj=obj)
        elif (isinstance(obj, (type, _GlobalStandIn))
              or type(obj).__name__ in ("function", "builtin_function_or_method")):
            self.save_global(obj)
        else:
            self.save_object(obj)

    def save_long(self, obj):
        if self.bin:
            if 0 <= obj <= 0xFF:
                self.write(b"K" + pack("<B", obj))
                return
            if 0 <= obj <= 0xFFFF:
                self.write(b"M" + pack("<H", obj))
                return
            if -0x80000000 <= obj <= 0x7FFFFFFF:
                self.write(b"J" + pack("<i", obj))
                return
        if self.proto >= 2:
            encoded = _encode_long(obj)
            n = len(encoded)
            self.write((b"\x8a" + pack("<B", n) if n < 256 else b"\x8b" + pack("<i", n)) + encoded)
            return
        if -0x80000000 <= obj <= 0x7FFFFFFF and _gilsim.version >= (3, 7):
            self.write(b"I" + repr(obj).encode("ascii") + b"\n")
        else:
            self.write(b"L" + repr(obj).encode("ascii") + b"L\n")

    def save_str(self, obj):
        # CPython's strings of one Latin-1 character are shared singletons, and attribute
        # names are interned: equal ones are one object, written once and fetched from the
        # memo after.
        shared = len(obj) == 1 and ord(obj) < 256 or obj in self.interned
        if shared and obj in self.shared_strs:
            self.write(self.get(self.shared_strs[obj]))
            return
        if shared:
            self.shared_strs[obj] = len(self.memo)
        self.write_str(obj)
        self.memoize(obj)

    def save_fresh_str(self, obj):
        # A string made anew where CPython reads it (a C type's __module__ and __qualname__):
        # never fetched from the memo, though memoized.
        self.commit_frame()
        self.write_str(obj)
        self.memoize(object())

    def write_str(self, obj):
        if self.bin:
            encoded = obj.encode("utf-8")
            n = len(encoded)
            if n <= 0xFF and self.proto >= 4:
                self.write(b"\x8c" + pack("<B", n) + encoded)
            elif n >= _FRAME_SIZE_TARGET and self.proto >= 4:
                self.write_large(b"X" + pack("<I", n), encoded)
            else:
                self.write(b"X" + pack("<I", n) + encoded)
        else:
            escaped = obj.replace("\\", "\\u005c").replace("\n", "\\u000a")
            if _gilsim.version >= (3, 7):
                # 3.7 escapes the characters a text file or Windows' console would mangle too.
                escaped = escaped.replace("\0", "\\u0000").replace("\r", "\\u000d").replace("\x1a", "\\u001a")
            self.write(b"V" + _raw_unicode_escape(escaped) + b"\n")

    def save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                self.save_reduce(_codecs_encode, (obj.decode("latin-1"), "latin1"), obj=obj)
            return
        n = len(obj)
        if n <= 0xFF:
            self.write(b"C" + pack("<B", n) + obj)
        elif n >= _FRAME_SIZE_TARGET and self.proto >= 4:
            self.write_large(b"B" + pack("<I", n), obj)
        else:
            self.write(b"B" + pack("<I", n) + obj)
        self.memoize(obj)

    def save_bytearray(self, obj):
        if self.proto < 5:
            if not obj:
                self.save_reduce(bytearray, (), obj=obj)
            elif self.proto < 3 and _gilsim.version[:2] == (3, 7):
                # 3.7's bytearray.__reduce_ex__ gave its text and encoding below protocol 3.
                self.save_reduce(bytearray, (obj.decode("latin-1"), "latin-1"), obj=obj)
            else:
                self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        n = len(obj)
        if n >= _FRAME_SIZE_TARGET:
            self.write_large(b"\x96" + pack("<Q", n), bytes(obj))
        else:
            self.write(b"\x96" + pack("<Q", n) + bytes(obj))
        self.memoize(obj)

    def save_tuple(self, obj):
        if not obj:
            self.write(b")" if self.bin else b"(t")
            return
        n = len(obj)
        if n <= 3 and self.proto >= 2:
            for item in obj:
                self.save(item)
            seen = self.memo.get(id(obj))
            if seen is not None:
                self.write(b"0" * n + self.get(seen[0]))
            else:
                self.write(b"\x85\x86\x87"[n - 1:n])
                self.memoize(obj)
            return
        self.write(b"(")
        for item in obj:
            self.save(item)
        seen = self.memo.get(id(obj))
        if seen is not None:
            self.write((b"1" if self.bin else b"0" * (n + 1)) + self.get(seen[0]))
            return
        self.write(b"t")
        self.memoize(obj)

    def batch_appends(self, items):
        if not self.bin:
            for item in items:
                self.save(item)
                self.write(b"a")
            return
        items = list(items)
        for start in range(0, len(items), _BATCHSIZE):
            batch = items[start:start + _BATCHSIZE]
            if len(batch) > 1:
                self.write(b"(")
                for item in batch:
                    self.save(item)
                self.write(b"e")
            else:
                self.save(batch[0])
                self.write(b"a")

    def batch_setitems(self, pairs):
        if not self.bin:
            for key, value in pairs:
                self.save(key)
                self.save(value)
                self.write(b"s")
            return
        for start in range(0, len(pairs), _BATCHSIZE):
            batch = pairs[start:start + _BATCHSIZE]
            if len(batch) > 1:
                self.write(b"(")
                for key, value in batch:
                    self.save(key)
                    self.save(value)
                self.write(b"u")
            else:
                self.save(batch[0][0])
                self.save(batch[0][1])
                self.write(b"s")

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        self.write(b"\x8f")
        self.memoize(obj)
        items = list(obj)
        for start in range(0, len(items), _BATCHSIZE):
            self.write(b"(")
            for item in items[start:start + _BATCHSIZE]:
                self.save(item)
            self.write(b"\x90")

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        self.write(b"(")
        for item in obj:
            self.save(item)
        seen = self.memo.get(id(obj))
        if seen is not None:
            self.write(b"1" + self.get(seen[0]))
            return
        self.write(b"\x91")
        self.memoize(obj)

    def save_global(self, obj, name=None):
        if not isinstance(obj, _GlobalStandIn):
            _gilsim.pickle_check(obj)
        if name is None:
            name = getattr(obj, "__qualname__", None) or obj.__name__
        module = getattr(obj, "__module__", None) or "__main__"
        if self.proto >= 4:
            # A module's name is one object for all its classes and functions; a C type's
            # name is a new string each time it is read.
            self.interned.add(module)
            self.save(module)
            if _gilsim.is_c_type(obj):
                self.save_fresh_str(name)
            else:
                self.save(name)
            self.write(b"\x93")
        elif "." in name:
            parent_name, _, last = name.rpartition(".")
            if _gilsim.version >= (3, 13):
                # getattr(parent, last), the parent written as a plain global, the arguments
                # not memoized.
                self.save(getattr)
                if self.proto < 2:
                    self.write(b"(")
                self.write_global(module, parent_name)
                self.save(last)
                self.write(b"\x86R" if self.proto >= 2 else b"tR")
            else:
                parent = _gilsim.pickle_global(module, parent_name)
                self.save_reduce(getattr, (parent, last))
        else:
            self.write_global(module, name)
        self.memoize(obj)

    def write_global(self, module, name):
        # GLOBAL, with Python 2's names up to protocol 2.
        if self.fix_imports:
            module, name = _REVERSE_NAMES.get((module, name), (module, name))
            module = _REVERSE_MODULES.get(module, module)
        encoding = "utf-8" if self.proto >= 3 else "ascii"
        self.write(b"c" + module.encode(encoding) + b"\n" + name.encode(encoding) + b"\n")

    def save_object(self, obj):
        reduce_ex = _user_hook(obj, "__reduce_ex__")
        reduce = _user_hook(obj, "__reduce__")
        if reduce_ex is not None:
            reduced = reduce_ex(self.proto)
        elif reduce is not None:
            reduced = reduce()
        elif isinstance(obj, BaseException):
            # BaseException.__reduce__: the class, its args, and its __dict__ if it has one.
            state = dict(vars(obj))
            reduced = (type(obj), obj.args, state) if state else (type(obj), obj.args)
        else:
            _gilsim.pickle_check(obj)
            reduced = self.default_reduce(obj)
        if isinstance(reduced, str):
            self.save_global(obj, reduced)
            return
        if not isinstance(reduced, tuple):
            raise PicklingError("__reduce__ must return a string or tuple")
        if not 2 <= len(reduced) <= (6 if _gilsim.version >= (3, 8) else 5):
            raise PicklingError("tuple returned by __reduce__ must contain 2 through %d elements"
                                % (6 if _gilsim.version >= (3, 8) else 5))
        self.save_reduce(*reduced, obj=obj)

    def default_reduce(self, obj):
        # object.__reduce_ex__: copyreg.__newobj__ from protocol 2, copyreg._reconstructor
        # before; the state is __getstate__()'s, else the __dict__ (None when empty).
        cls = type(obj)
        if _is_namedtuple(cls):
            # A namedtuple is a tuple subclass in CPython: its fields are the arguments.
            if self.proto >= 2:
                return (_newobj, (cls,) + tuple(obj), None)
            return (_reconstructor, (cls, tuple, tuple(obj)))
        getstate = _user_hook(obj, "__getstate__")
        slots = _slot_values(obj)
        if getstate is not None:
            state = getstate()
        else:
            state = dict(vars(obj)) if hasattr(obj, "__dict__") and vars(obj) else None
            if state:
                self.interned.update(state)
            if slots is not None:
                if self.proto < 2:
                    message = "a class that defines __slots__ without defining __getstate__ cannot be pickled"
                    if (3, 8) <= _gilsim.version < (3, 11):
                        message = "cannot pickle %r object: %s with protocol %d" % (cls.__name__, message, self.proto)
                    raise TypeError(message)
                if slots:
                    state = (state, slots)
        listitems = iter(obj) if isinstance(obj, list) else None
        dictitems = iter(obj.items()) if isinstance(obj, dict) else None
        if self.proto >= 2:
            return (_newobj, (cls,) + _new_args(obj), state, listitems, dictitems)
        base = object
        for klass in cls.__mro__[1:]:
            if klass in (list, dict, set, tuple, int, float, str, bytes):
                base = klass
                break
        args = (cls, base, None if base is object else base(obj))
        return (_reconstructor, args, state) if state else (_reconstructor, args)

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None,
                    state_setter=None, obj=None):
        if not callable(func):
            raise PicklingError("first item of the tuple returned by __reduce__ must be callable")
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple")
        if func is _newobj and self.proto >= 2:
            self.save(args[0])
            self.save(args[1:])
            self.write(b"\x81")
        else:
            self.save(func)
            self.save(args)
            self.write(b"R")
        if obj is not None:
            seen = self.memo.get(id(obj))
            if seen is not None:
                self.write(b"0" + self.get(seen[0]))
            else:
                self.memoize(obj)
        if listitems is not None:
            self.batch_appends(listitems)
        if dictitems is not None:
            self.batch_setitems(list(dictitems))
        if state is not None:
            if state_setter is None:
                self.save(state)
                self.write(b"b")
            else:
                self.save(state_setter)
                self.save(obj)
                self.save(state)
                self.write(b"\x86R0")


class _GlobalStandIn:
    # copyreg.__newobj__, copyreg._reconstructor and _codecs.encode as pickles name them.
    def __init__(self, module, name, call):
        self.__module__ = module
        self.__qualname__ = self.__name__ = name
        self._call = call

    def __call__(self, *args):
        return self._call(*args)


def _make_reconstructed(cls, base, state):
    if base is object:
        return object.__new__(cls)
    if base is tuple and _is_namedtuple(cls):
        return cls._make(state)
    obj = base.__new__(cls, state)
    base.__init__(obj, state)
    return obj


_newobj = _GlobalStandIn("copyreg", "__newobj__", _make_new)
_reconstructor = _GlobalStandIn("copyreg", "_reconstructor", _make_reconstructed)
_codecs_encode = _GlobalStandIn("_codecs", "encode", lambda text, encoding: text.encode(encoding))
_STAND_INS = {("copyreg", "__newobj__"): _newobj, ("copyreg", "_reconstructor"): _reconstructor,
              ("_codecs", "encode"): _codecs_encode}


class _Unpickler:
    # Reads one pickle from `file` (loads() gives it a BytesIO): exactly its bytes, so the
    # next load() from the same file reads the next pickle.
    def __init__(self, file, fix_imports=True):
        self.file = file
        self.stack = []
        self.marks = []
        self.memo = {}
        self.proto = 0
        self.fix_imports = fix_imports

    def read(self, n):
        chunk = self.file.read(n)
        if len(chunk) < n:
            raise UnpicklingError("pickle data was truncated")
        return chunk

    def readline(self):
        line = self.file.readline()
        if not line.endswith(b"\n"):
            raise UnpicklingError("pickle data was truncated")
        return line[:-1]

    def pop_mark(self):
        if not self.marks:
            raise UnpicklingError("could not find MARK")
        items = self.stack
        self.stack = self.marks.pop()
        return items

    def need(self, n):
        # The reader's own check before it takes `n` values off the stack.
        if len(self.stack) < n:
            raise UnpicklingError("unpickling stack underflow")

    def find_class(self, module, name):
        if self.proto < 3 and self.fix_imports:
            module, name = _NAMES.get((module, name), (module, name))
            module = _MODULES.get(module, module)
        stand_in = _STAND_INS.get((module, name))
        if stand_in is not None:
            return stand_in
        return _gilsim.pickle_global(module, name)

    def load(self):
        while True:
            key = self.file.read(1)
            if not key:
                raise EOFError("Ran out of input")
            op = key[0]
            if op == 0x2E:  # STOP
                if self.marks:
                    raise UnpicklingError("unexpected MARK found")
                if not self.stack:
                    raise UnpicklingError("unpickling stack underflow")
                return self.stack.pop()
            handler = _LOADERS.get(op)
            if handler is None:
                raise UnpicklingError("invalid load key, %r." % chr(op))
            if op in _CALLS_CODE:
                handler(self)
                continue
            try:
                handler(self)
            except IndexError:
                # The reader's own pops (the ops that run no Python code of the objects).
                raise UnpicklingError("unpickling stack underflow") from None

    def build(self):
        self.need(2)
        state = self.stack.pop()
        inst = self.stack[-1]
        setstate = _user_hook(inst, "__setstate__")
        if setstate is not None:
            setstate(state)
            return
        slots = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slots = state
        if state:
            for key, value in state.items():
                setattr(inst, key, value) if not hasattr(inst, "__dict__") else vars(inst).__setitem__(key, value)
        if slots:
            for key, value in slots.items():
                setattr(inst, key, value)


def _loader_table():
    u = _Unpickler
    push = lambda f: lambda self: self.stack.append(f(self))
    def proto(self):
        self.proto = self.read(1)[0]
        if self.proto > HIGHEST_PROTOCOL:
            raise ValueError("unsupported pickle protocol: %d" % self.proto)
    def mark(self):
        self.marks.append(self.stack)
        self.stack = []
    def memoize(self):
        self.memo[len(self.memo)] = self.stack[-1]
    def put_at(index):
        def put(self):
            self.memo[index(self)] = self.stack[-1]
        return put
    def get_at(index):
        def get(self):
            i = index(self)
            if i not in self.memo:
                if _gilsim.version < (3, 9):
                    raise KeyError(i)
                raise UnpicklingError("Memo value not found at index %d" % i)
            self.stack.append(self.memo[i])
        return get
    def tuple_of(n):
        def make(self):
            items = self.stack[-n:] if n else []
            del self.stack[len(self.stack) - n:]
            self.stack.append(tuple(items))
        return make
    # (The items are taken off before the stack below the mark is named: `pop_mark` makes it
    # the stack.)
    def tuple_mark(self):
        items = self.pop_mark()
        self.stack.append(tuple(items))
    def list_mark(self):
        items = self.pop_mark()
        self.stack.append(list(items))
    def dict_mark(self):
        items = self.pop_mark()
        self.stack.append({items[i]: items[i + 1] for i in range(0, len(items), 2)})
    def append(self):
        self.need(2)
        value = self.stack.pop()
        self.stack[-1].append(value)
    def appends(self):
        items = self.pop_mark()
        self.need(1)
        target = self.stack[-1]
        if isinstance(target, list):
            target.extend(items)
        else:
            for item in items:
                target.append(item)
    def setitem(self):
        self.need(3)
        value = self.stack.pop()
        key = self.stack.pop()
        self.stack[-1][key] = value
    def setitems(self):
        items = self.pop_mark()
        self.need(1)
        target = self.stack[-1]
        for i in range(0, len(items), 2):
            target[items[i]] = items[i + 1]
    def additems(self):
        items = self.pop_mark()
        self.need(1)
        target = self.stack[-1]
        for item in items:
            target.add(item)
    def frozenset_mark(self):
        items = self.pop_mark()
        self.stack.append(frozenset(items))
    def global_(self):
        module = self.readline().decode("utf-8")
        name = self.readline().decode("utf-8")
        self.stack.append(self.find_class(module, name))
    def stack_global(self):
        name = self.stack.pop()
        module = self.stack.pop()
        self.stack.append(self.find_class(module, name))
    def reduce(self):
        self.need(2)
        args = self.stack.pop()
        func = self.stack[-1]
        self.stack[-1] = func(*args)
    def newobj(self):
        self.need(2)
        args = self.stack.pop()
        cls = self.stack.pop()
        self.stack.append(_make_new(cls, *args))
    def pop(self):
        if self.stack:
            self.stack.pop()
        else:
            self.pop_mark()
    def pop_mark_op(self):
        self.pop_mark()
    def frame(self):
        self.read(8)
    def text_int(self):
        line = self.readline()
        if line == b"00":
            return False
        if line == b"01":
            return True
        return int(line)
    def text_str(self):
        return _raw_unicode_unescape(self.readline())
    u8 = lambda self: self.read(1)[0]
    table = {
        0x80: proto, 0x95: frame, 0x28: mark, 0x94: memoize,
        0x4E: push(lambda self: None), 0x88: push(lambda self: True), 0x89: push(lambda self: False),
        0x4B: push(u8), 0x4D: push(lambda self: unpack("<H", self.read(2))[0]),
        0x4A: push(lambda self: unpack("<i", self.read(4))[0]),
        0x8A: push(lambda self: _decode_long(self.read(self.read(1)[0]))),
        0x8B: push(lambda self: _decode_long(self.read(unpack("<i", self.read(4))[0]))),
        0x49: push(text_int), 0x4C: push(lambda self: int(self.readline().rstrip(b"L"))),
        0x47: push(lambda self: unpack(">d", self.read(8))[0]),
        0x46: push(lambda self: float(self.readline().decode("ascii"))),
        0x8C: push(lambda self: self.read(self.read(1)[0]).decode("utf-8")),
        0x58: push(lambda self: self.read(unpack("<I", self.read(4))[0]).decode("utf-8")),
        0x8D: push(lambda self: self.read(unpack("<Q", self.read(8))[0]).decode("utf-8")),
        0x56: push(text_str),
        0x43: push(lambda self: self.read(self.read(1)[0])),
        0x42: push(lambda self: self.read(unpack("<I", self.read(4))[0])),
        0x8E: push(lambda self: self.read(unpack("<Q", self.read(8))[0])),
        0x96: push(lambda self: bytearray(self.read(unpack("<Q", self.read(8))[0]))),
        0x29: push(lambda self: ()), 0x5D: push(lambda self: []), 0x7D: push(lambda self: {}),
        0x8F: push(lambda self: set()),
        0x85: tuple_of(1), 0x86: tuple_of(2), 0x87: tuple_of(3), 0x74: tuple_mark,
        0x6C: list_mark, 0x64: dict_mark, 0x61: append, 0x65: appends, 0x73: setitem,
        0x75: setitems, 0x90: additems, 0x91: frozenset_mark,
        0x63: global_, 0x93: stack_global, 0x52: reduce, 0x81: newobj, 0x62: _Unpickler.build,
        0x71: put_at(u8), 0x72: put_at(lambda self: unpack("<I", self.read(4))[0]),
        0x70: put_at(lambda self: int(self.readline())),
        0x68: get_at(u8), 0x6A: get_at(lambda self: unpack("<I", self.read(4))[0]),
        0x67: get_at(lambda self: int(self.readline())),
        0x30: pop, 0x31: pop_mark_op,
    }
    return table


_LOADERS = _loader_table()
# REDUCE, NEWOBJ, BUILD, APPEND(S), SETITEM(S), ADDITEMS: they call the objects' own code.
_CALLS_CODE = frozenset((0x52, 0x81, 0x62, 0x61, 0x65, 0x73, 0x75, 0x90))


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    return _Pickler(protocol, fix_imports).dump(obj)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    file.write(dumps(obj, protocol, fix_imports=fix_imports))


def loads(data, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return _Unpickler(io.BytesIO(bytes(data)), fix_imports).load()


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    return _Unpickler(file, fix_imports).load()
