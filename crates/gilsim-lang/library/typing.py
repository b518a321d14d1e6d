# typing in Python: the names annotations use, importable and subscriptable, and the few
# run-time helpers scripts call (cast, TypeVar, Generic, NamedTuple, get_type_hints). Like
# CPython, nothing here checks types at run time.
import collections
import _gilsim
from _gilsim_union import alias_item_repr as _type_repr

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
        self.__parameters__ = _collect_parameters(self.__args__)

    def __getitem__(self, params):
        return _GenericAlias(self, params)

    def __repr__(self):
        args = ", ".join(_type_repr(a) for a in self.__args__)
        return "%s[%s]" % (_type_repr(self.__origin__), args)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __mro_entries__(self, bases):
        # PEP 560, as CPython's _GenericAlias: `class Stack(Generic[T])` derives from Generic,
        # `class IntStack(Stack[int])` from Stack, `class Names(List[str])` from list and
        # Generic.
        origin = self.__origin__
        later = bases[bases.index(self) + 1:]
        if origin is Generic or origin is _Protocol:
            if origin is Generic and _Protocol in bases:
                return ()
            if any(isinstance(b, _GenericAlias) and b is not self for b in later):
                return ()
            return (origin,)
        if isinstance(origin, type):
            return (origin,)
        runtime = origin._runtime_class() if isinstance(origin, _Alias) else None
        if runtime is None:
            raise TypeError("Cannot subclass %r" % self)
        entries = [] if runtime in bases else [runtime]
        if not any(isinstance(b, _GenericAlias) or (isinstance(b, type) and issubclass(b, Generic)) for b in later):
            entries.append(Generic)
        return tuple(entries)


def _collect_parameters(args):
    # The type variables in `args`, in order of first appearance (nested aliases' too).
    parameters = []
    for arg in args:
        if isinstance(arg, (TypeVar, ParamSpec)):
            found = (arg,)
        else:
            found = getattr(arg, "__parameters__", ()) if isinstance(arg, _GenericAlias) else ()
        for p in found:
            if p not in parameters:
                parameters.append(p)
    return tuple(parameters)


class _UnionForm(_SpecialForm):
    # Union and Optional, as CPython's: the parameters flattened (a Union in a Union) and
    # deduplicated, None made NoneType; a single type left is that type.
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == "Optional":
            if len(params) != 1:
                raise TypeError("typing.Optional requires a single type.")
            params = (params[0], None)
        if not params:
            raise TypeError("Cannot take a Union of no types.")
        members = []
        for p in params:
            if p is None:
                p = type(None)
            for m in p.__args__ if isinstance(p, _UnionGenericAlias) else (p,):
                if m not in members:
                    members.append(m)
        if len(members) == 1:
            return members[0]
        return _UnionGenericAlias(Union, tuple(members))


class _UnionGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if _gilsim.version >= (3, 9) and len(args) == 2 and type(None) in args:
            return "typing.Optional[%s]" % _type_repr(args[1] if args[0] is type(None) else args[0])
        return _GenericAlias.__repr__(self)

    def __eq__(self, other):
        # From 3.10 `Optional[int] == int | None`.
        if not isinstance(other, _UnionGenericAlias) and type(other).__name__ != "UnionType":
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


if _gilsim.version >= (3, 10):
    # PEP 604: `List[int] | None`, `Any | str`.
    def _union_or(self, other):
        return Union[self, other]

    def _union_ror(self, other):
        return Union[other, self]

    _SpecialForm.__or__ = _GenericAlias.__or__ = _union_or
    _SpecialForm.__ror__ = _GenericAlias.__ror__ = _union_ror


class _Alias(_SpecialForm):
    # typing.List and friends: callable as their builtin where CPython allows it.
    def __init__(self, name, origin):
        _SpecialForm.__init__(self, name)
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError("Type %s cannot be instantiated" % self._name)
        return self.__origin__(*args, **kwargs)

    def _runtime_class(self):
        # The class a subclass of `List[int]`, `Mapping[str, int]`... derives from.
        if self.__origin__ is not None:
            return self.__origin__
        builtin = {"Tuple": tuple, "Type": type, "FrozenSet": frozenset}.get(self._name)
        if builtin is not None:
            return builtin
        import collections.abc
        return getattr(collections.abc, self._name, None)


class _CallableGenericAlias(_GenericAlias):
    pass


class _CallableAlias(_Alias):
    def __getitem__(self, params):
        return _CallableGenericAlias(self, params)


Any = _SpecialForm("Any")
NoReturn = _SpecialForm("NoReturn")
Union = _UnionForm("Union")
Optional = _UnionForm("Optional")
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
Callable = _CallableAlias("Callable", None)
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


# How Generic[...]'s messages changed with ParamSpec (3.10).
_ARGUMENTS_WORD = "arguments" if _gilsim.version >= (3, 10) else "parameters"
_PARAMETERS_MESSAGE_TAIL = (" or parameter specification variables." if _gilsim.version >= (3, 10) else "")


class Generic(object):
    # CPython's typing.Generic: subscripting makes an alias (a base through __mro_entries__),
    # and each subclass records its type variables in __parameters__.
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic or cls is _Protocol:
            if not params:
                raise TypeError("Parameter list to %s[...] cannot be empty" % cls.__qualname__)
            for p in params:
                if not isinstance(p, (TypeVar, ParamSpec)):
                    raise TypeError("Parameters to %s[...] must all be type variables%s"
                                % (cls.__name__, _PARAMETERS_MESSAGE_TAIL))
            if len(set(params)) != len(params):
                raise TypeError("Parameters to %s[...] must all be unique" % cls.__name__)
        else:
            expected = len(cls.__parameters__)
            if not expected:
                raise TypeError("%s is not a generic class" % cls)
            if len(params) != expected:
                few = len(params) < expected
                raise TypeError("Too %s %s for %s; actual %d, expected %s%d"
                                % ("few" if few else "many", _ARGUMENTS_WORD, cls, len(params),
                                   "at least " if few and _gilsim.version >= (3, 13) else "", expected))
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        orig_bases = cls.__dict__.get("__orig_bases__")
        if orig_bases is not None:
            error = Generic in orig_bases
        else:
            error = Generic in cls.__bases__ and cls.__name__ != "Protocol"
        if error:
            raise TypeError("Cannot inherit from plain Generic")
        tvars = ()
        if orig_bases is not None:
            tvars = _collect_parameters(orig_bases)
            gvars = None
            for base in orig_bases:
                if isinstance(base, _GenericAlias) and base.__origin__ in (Generic, _Protocol):
                    if gvars is not None:
                        raise TypeError("Cannot inherit from Generic[...] multiple times.")
                    gvars = base.__parameters__
            if gvars is not None:
                missing = [t for t in tvars if t not in gvars]
                if missing:
                    raise TypeError("Some type variables (%s) are not listed in Generic[%s]"
                                    % (", ".join(str(t) for t in missing), ", ".join(str(g) for g in gvars)))
                tvars = gvars
        cls.__parameters__ = tuple(tvars)


class Protocol(Generic):
    pass


_Protocol = Protocol


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
    # As CPython's: a class's annotations along its MRO, each evaluated in its module's
    # namespace (and the class's own); a function's in its globals. None is NoneType, and a
    # string names a type (a forward reference), evaluated where it was written.
    import sys
    hints = {}
    if isinstance(obj, type):
        for klass in reversed(obj.__mro__):
            base_globals = globalns
            if base_globals is None:
                module = sys.modules.get(klass.__module__)
                base_globals = getattr(module, "__dict__", {})
            base_locals = dict(vars(klass)) if localns is None else localns
            for name, value in klass.__dict__.get("__annotations__", {}).items():
                hints[name] = _evaluate_hint(value, base_globals, base_locals)
        return hints
    if globalns is None:
        wrapped = obj
        while hasattr(wrapped, "__wrapped__"):
            wrapped = wrapped.__wrapped__
        globalns = getattr(wrapped, "__globals__", {})
    annotations = getattr(obj, "__annotations__", None)
    if annotations is None:
        raise TypeError("{!r} is not a module, class, method, or function.".format(obj))
    none_defaults = _none_defaults(obj) if _gilsim.version < (3, 11) else ()
    for name, value in annotations.items():
        value = _evaluate_hint(value, globalns, localns)
        if name in none_defaults:
            # Before 3.11 a parameter defaulting to None is hinted as Optional.
            value = Optional[value]
        hints[name] = value
    return hints


def _none_defaults(function):
    # The names of a function's parameters whose default is None.
    code = getattr(function, "__code__", None)
    if code is None:
        return ()
    positional = code.co_varnames[:code.co_argcount]
    defaults = function.__defaults__ or ()
    names = [n for n, d in zip(positional[len(positional) - len(defaults):], defaults) if d is None]
    names.extend(n for n, d in (function.__kwdefaults__ or {}).items() if d is None)
    return names


def _evaluate_hint(value, globalns, localns):
    if value is None:
        return type(None)
    if isinstance(value, str):
        return _HintParser(value, globalns, localns or {}).parse()
    return value


class _HintParser:
    # The expressions annotations are written in: dotted names, subscripts, tuples of them,
    # lists (Callable's parameters), None, `...` and string literals (nested forward
    # references); `X | Y` from 3.10.
    def __init__(self, text, globalns, localns):
        self.text = text
        self.i = 0
        self.globalns = globalns
        self.localns = localns

    def parse(self):
        value = self.union()
        self.space()
        if self.i != len(self.text):
            raise SyntaxError("Forward reference must be an expression -- got %r" % (self.text,))
        return value

    def space(self):
        while self.i < len(self.text) and self.text[self.i] == " ":
            self.i += 1

    def peek(self, char):
        self.space()
        return self.text.startswith(char, self.i)

    def union(self):
        value = self.primary()
        while self.peek("|"):
            self.i += 1
            value = value | self.primary()
        return value

    def primary(self):
        self.space()
        text = self.text
        if text.startswith("...", self.i):
            self.i += 3
            return Ellipsis
        if self.i < len(text) and text[self.i] in "'\"":
            end = text.index(text[self.i], self.i + 1)
            inner = text[self.i + 1:end]
            self.i = end + 1
            return _HintParser(inner, self.globalns, self.localns).parse()
        if self.peek("["):
            self.i += 1
            items = self.items("]")
            return list(items)
        value = self.name()
        while True:
            if self.peek("."):
                self.i += 1
                value = getattr(value, self.identifier())
            elif self.peek("["):
                self.i += 1
                items = self.items("]")
                value = value[items[0] if len(items) == 1 else items]
            else:
                return value

    def items(self, close):
        items = []
        while not self.peek(close):
            items.append(self.union())
            if self.peek(","):
                self.i += 1
        self.i += 1
        return tuple(items)

    def identifier(self):
        self.space()
        start = self.i
        while self.i < len(self.text) and (self.text[self.i].isalnum() or self.text[self.i] == "_"):
            self.i += 1
        if start == self.i:
            raise SyntaxError("Forward reference must be an expression -- got %r" % (self.text,))
        return self.text[start:self.i]

    def name(self):
        name = self.identifier()
        if name == "None":
            return None
        for namespace in (self.localns, self.globalns):
            if name in namespace:
                return namespace[name]
        import builtins
        if hasattr(builtins, name):
            return getattr(builtins, name)
        raise NameError("name %r is not defined" % name)


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

# What typing gained in 3.8 (PEP 544, 586, 589, 591) and 3.9 (PEP 593).
if _gilsim.version < (3, 8):
    del Protocol, Final, Literal, TypedDict, final, runtime_checkable, get_origin, get_args, SupportsIndex
if _gilsim.version < (3, 9):
    del Annotated
