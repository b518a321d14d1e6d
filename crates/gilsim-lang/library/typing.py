# typing in Python: the names annotations use, importable and subscriptable, and the few
# run-time helpers scripts call (cast, TypeVar, Generic, NamedTuple, get_type_hints). Like
# CPython, nothing here checks types at run time.
import collections
import _gilsim

TYPE_CHECKING = False


class _SpecialForm(object):
    def __init__(self, name):
        self._name = name

    def __getitem__(self, params):
        return _GenericAlias(self, params)

    def __repr__(self):
        return "typing." + self._name

    def __call__(self, *args, **kwargs):
        raise TypeError("Cannot instantiate typing.%s" % self._name)


class _GenericAlias(object):
    def __init__(self, origin, params):
        self.__origin__ = origin
        self.__args__ = params if isinstance(params, tuple) else (params,)

    def __getitem__(self, params):
        return _GenericAlias(self, params)

    def __repr__(self):
        args = ", ".join(_type_repr(a) for a in self.__args__)
        return "%r[%s]" % (self.__origin__, args)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return "%s.%s" % (obj.__module__, obj.__qualname__)
    if obj is Ellipsis:
        return "..."
    if isinstance(obj, list):
        return "[%s]" % ", ".join(_type_repr(a) for a in obj)
    return repr(obj)


class _Alias(_SpecialForm):
    # typing.List and friends: callable as their builtin where CPython allows it.
    def __init__(self, name, origin):
        _SpecialForm.__init__(self, name)
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError("Type %s cannot be instantiated" % self._name)
        return self.__origin__(*args, **kwargs)


Any = _SpecialForm("Any")
NoReturn = _SpecialForm("NoReturn")
Union = _SpecialForm("Union")
Optional = _SpecialForm("Optional")
ClassVar = _SpecialForm("ClassVar")
Final = _SpecialForm("Final")
Literal = _SpecialForm("Literal")
Annotated = _SpecialForm("Annotated")
List = _Alias("List", list)
Dict = _Alias("Dict", dict)
Set = _Alias("Set", set)
FrozenSet = _Alias("FrozenSet", None)
Tuple = _Alias("Tuple", None)
Type = _Alias("Type", None)
Callable = _Alias("Callable", None)
Iterable = _Alias("Iterable", None)
Iterator = _Alias("Iterator", None)
Generator = _Alias("Generator", None)
Sequence = _Alias("Sequence", None)
MutableSequence = _Alias("MutableSequence", None)
Mapping = _Alias("Mapping", None)
MutableMapping = _Alias("MutableMapping", None)
Collection = _Alias("Collection", None)
Container = _Alias("Container", None)
Hashable = _Alias("Hashable", None)
Awaitable = _Alias("Awaitable", None)
Coroutine = _Alias("Coroutine", None)
Deque = _Alias("Deque", collections.deque)
DefaultDict = _Alias("DefaultDict", collections.defaultdict)
Counter = _Alias("Counter", collections.Counter)
OrderedDict = _Alias("OrderedDict", collections.OrderedDict)
Text = str
AnyStr = _SpecialForm("AnyStr")
Sized = _Alias("Sized", None)
Reversible = _Alias("Reversible", None)
AbstractSet = _Alias("AbstractSet", None)
MutableSet = _Alias("MutableSet", None)
KeysView = _Alias("KeysView", None)
ValuesView = _Alias("ValuesView", None)
ItemsView = _Alias("ItemsView", None)
ContextManager = _Alias("ContextManager", None)
AsyncIterable = _Alias("AsyncIterable", None)
AsyncIterator = _Alias("AsyncIterator", None)
AsyncGenerator = _Alias("AsyncGenerator", None)
ChainMap = _Alias("ChainMap", collections.ChainMap)
IO = _Alias("IO", None)
TextIO = _Alias("TextIO", None)
BinaryIO = _Alias("BinaryIO", None)
Pattern = _Alias("Pattern", None)
Match = _Alias("Match", None)
ByteString = _Alias("ByteString", None)
SupportsInt = _Alias("SupportsInt", None)
SupportsFloat = _Alias("SupportsFloat", None)
SupportsAbs = _Alias("SupportsAbs", None)
SupportsIndex = _Alias("SupportsIndex", None)
if _gilsim.version >= (3, 10):
    TypeAlias = _SpecialForm("TypeAlias")
    Concatenate = _SpecialForm("Concatenate")
    TypeGuard = _SpecialForm("TypeGuard")
if _gilsim.version >= (3, 11):
    Self = _SpecialForm("Self")
    Never = _SpecialForm("Never")
    LiteralString = _SpecialForm("LiteralString")
    Required = _SpecialForm("Required")
    NotRequired = _SpecialForm("NotRequired")
    Unpack = _SpecialForm("Unpack")


def get_origin(tp):
    return getattr(tp, "__origin__", None)


def get_args(tp):
    return getattr(tp, "__args__", ())


class TypeVar(object):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self._variance = "+" if covariant else "-" if contravariant else "~"

    def __repr__(self):
        return self._variance + self.__name__


class Generic(object):
    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    pass


class ParamSpec(object):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name

    def __repr__(self):
        return "~" + self.__name__


class _TypedDictMeta(type):
    # `class Movie(TypedDict): title: str` (and `total=False`): calling it makes a plain dict,
    # as CPython's TypedDict classes do; the functional form `TypedDict("Movie", {...})` too.
    def __new__(mcls, name, bases, ns, total=True):
        annotations = {}
        for base in bases:
            annotations.update(getattr(base, "__annotations__", {}))
        annotations.update(ns.get("__annotations__", {}))
        ns["__annotations__"] = annotations
        ns["__total__"] = total
        return type.__new__(mcls, name, (dict,), ns)

    def __init__(cls, name, bases, ns, total=True):
        type.__init__(cls, name, bases, ns)

    def __call__(cls, *args, **kwargs):
        if cls is TypedDict:
            typename, fields = args[0], args[1] if len(args) > 1 else kwargs
            return _TypedDictMeta(typename, (), {"__annotations__": dict(fields)})
        return dict(*args, **kwargs)


class TypedDict(metaclass=_TypedDictMeta):
    pass


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls


def get_type_hints(obj, globalns=None, localns=None):
    hints = {}
    for klass in reversed(getattr(obj, "__mro__", (obj,))):
        hints.update(getattr(klass, "__annotations__", {}))
    return hints


class _NamedTupleMeta(type):
    # `class Point(NamedTuple): x: int; y: int = 0` is the namedtuple of its annotated
    # fields (defaults from their values), with the class body's other names added.
    def __new__(mcls, typename, bases, ns):
        if ns.get("_root", False):
            return type.__new__(mcls, typename, bases, ns)
        types = ns.get("__annotations__", {})
        fields = list(types)
        defaults = []
        default_names = []
        for name in fields:
            if name in ns:
                defaults.append(ns[name])
                default_names.append(name)
            elif defaults:
                if _gilsim.version < (3, 9):
                    plural = "(s)"
                else:
                    plural = "s" if len(defaults) > 1 else ""
                raise TypeError("Non-default namedtuple field %s cannot follow default field%s %s"
                                % (name, plural, ", ".join(default_names)))
        cls = collections.namedtuple(typename, fields, module=ns.get("__module__"))
        cls._field_defaults = dict(zip(default_names, defaults))
        # 3.6/3.7 keep the annotations of a NamedTuple in an OrderedDict.
        cls.__annotations__ = dict(types) if _gilsim.version >= (3, 8) else collections.OrderedDict(types)
        for key, value in ns.items():
            if key in ("_make", "_replace", "_asdict", "_fields", "_field_defaults", "__new__", "__init__"):
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in ("__module__", "__qualname__", "__annotations__", "_root") and key not in fields:
                setattr(cls, key, value)
        return cls


class NamedTuple(metaclass=_NamedTupleMeta):
    _root = True

    def __new__(cls, typename, fields=None, **kwargs):
        # The functional form: NamedTuple("Point", [("x", int), ("y", int)]).
        if fields is None:
            fields = list(kwargs.items())
        return collections.namedtuple(typename, [name for name, _ in fields])


def NewType(name, tp):
    def new_type(x):
        return x

    new_type.__name__ = name
    return new_type
