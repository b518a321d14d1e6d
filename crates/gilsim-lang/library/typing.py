# typing in Python: the names annotations use, importable and subscriptable, and the few
# run-time helpers scripts call (cast, TypeVar, Generic, NamedTuple, get_type_hints). Like
# CPython, nothing here checks types at run time.
import collections

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


def NamedTuple(typename, fields=None, **kwargs):
    if fields is None:
        fields = list(kwargs.items())
    return collections.namedtuple(typename, [name for name, _ in fields])


def NewType(name, tp):
    def new_type(x):
        return x

    new_type.__name__ = name
    return new_type
