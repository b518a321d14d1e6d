# dataclasses in Python, after CPython's Lib/dataclasses.py: fields come from the class's
# __annotations__ (and its dataclass bases'), and @dataclass adds __init__, __repr__, __eq__,
# the order methods, __hash__ and frozen assignment checks. CPython writes those methods as
# source text and exec()s it; gilsim's are general functions that read the fields, with
# CPython's messages (docs/language.md).
import _gilsim


class _MissingType(object):
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class InitVar(object):
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)


class _KwOnlyType(object):
    def __repr__(self):
        return "KW_ONLY"


KW_ONLY = _KwOnlyType()


class Field(object):
    def __init__(self, default, default_factory, init, repr, hash, compare, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.kw_only = kw_only
        self._field_type = "_FIELD"

    def __repr__(self):
        return ("Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,compare=%r)"
                % (self.name, self.type, self.default, self.default_factory, self.init, self.repr,
                   self.hash, self.compare))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, kw_only)


def _is_classvar(annotation):
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith("typing.ClassVar") or text.startswith("ClassVar")


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only, match_args=True):
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, "__dataclass_fields__", {}).values():
            fields[f.name] = f
    annotations = cls.__dict__.get("__annotations__", {})
    kw_only_from_here = kw_only
    for name, annotation in annotations.items():
        if annotation is KW_ONLY:
            kw_only_from_here = True
            continue
        default = getattr(cls, name, MISSING) if name in cls.__dict__ else MISSING
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = annotation
        if f.kw_only is MISSING:
            f.kw_only = kw_only_from_here
        if _is_classvar(annotation):
            f._field_type = "_FIELD_CLASSVAR"
        elif isinstance(annotation, InitVar):
            f._field_type = "_FIELD_INITVAR"
        if f._field_type == "_FIELD" and f.default is not MISSING and type(f.default) in (list, dict, set):
            raise ValueError("mutable default %s for field %s is not allowed: use default_factory"
                             % (type(f.default), name))
        fields[name] = f
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = (init, repr, eq, order, unsafe_hash, frozen)
    real = [f for f in fields.values() if f._field_type == "_FIELD"]
    if init:
        seen_default = None
        for f in real:
            if f.init and not f.kw_only:
                if f.default is not MISSING or f.default_factory is not MISSING:
                    seen_default = f
                elif seen_default is not None:
                    # 3.13 names the field with the default too.
                    after = " %r" % seen_default.name if _gilsim.version >= (3, 13) else ""
                    raise TypeError("non-default argument %r follows default argument%s" % (f.name, after))
        if "__init__" not in cls.__dict__:
            cls.__init__ = _make_init(cls, fields, frozen)
    if repr and "__repr__" not in cls.__dict__:
        cls.__repr__ = _dataclass_repr
    if eq and "__eq__" not in cls.__dict__:
        cls.__eq__ = _dataclass_eq
    if order:
        for name, op in (("__lt__", _lt), ("__le__", _le), ("__gt__", _gt), ("__ge__", _ge)):
            if name in cls.__dict__:
                raise TypeError("Cannot overwrite attribute %s in class %s. Consider using functools.total_ordering"
                                % (name, cls.__name__))
            setattr(cls, name, op)
    if frozen:
        cls.__setattr__ = _frozen_setattr
        cls.__delattr__ = _frozen_delattr
    explicit_hash = "__hash__" in cls.__dict__ and cls.__dict__["__hash__"] is not None
    if unsafe_hash or (eq and frozen and not explicit_hash):
        cls.__hash__ = _dataclass_hash
    elif eq and not explicit_hash:
        cls.__hash__ = None
    if match_args and _gilsim.version >= (3, 10) and "__match_args__" not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in real if f.init and not f.kw_only)
    return cls


def _make_init(cls, fields, frozen):
    real = [f for f in fields.values() if f._field_type in ("_FIELD", "_FIELD_INITVAR") and f.init]
    positional = [f for f in real if not f.kw_only]
    keyword = [f for f in real if f.kw_only]
    qualname = cls.__qualname__

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            _raise_too_many(qualname, positional, len(args))
        values = {}
        for f, value in zip(positional, args):
            values[f.name] = value
        for name, value in kwargs.items():
            if name not in fields or not fields[name].init:
                raise TypeError("%s.__init__() got an unexpected keyword argument '%s'" % (qualname, name))
            if name in values:
                raise TypeError("%s.__init__() got multiple values for argument '%s'" % (qualname, name))
            values[name] = value
        missing = [f.name for f in positional if f.name not in values
                   and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            _raise_missing(qualname, missing, "positional")
        missing = [f.name for f in keyword if f.name not in values
                   and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            _raise_missing(qualname, missing, "keyword-only")
        init_vars = []
        for f in fields.values():
            if f._field_type == "_FIELD_CLASSVAR":
                continue
            if f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            if f._field_type == "_FIELD_INITVAR":
                init_vars.append(value)
            else:
                object.__setattr__(self, f.name, value) if frozen else setattr(self, f.name, value)
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init(*init_vars)

    __init__.__qualname__ = qualname + ".__init__"
    return __init__


def _raise_too_many(qualname, positional, given):
    # CPython's message for the generated __init__(self, ...): self counts.
    most = len(positional) + 1
    least = most - len([f for f in positional if f.default is not MISSING or f.default_factory is not MISSING])
    takes = "%d" % most if least == most else "from %d to %d" % (least, most)
    prefix = qualname + "." if _gilsim.version >= (3, 10) else ""
    raise TypeError("%s__init__() takes %s positional argument%s but %d were given"
                    % (prefix, takes, "" if most == 1 else "s", given + 1))


def _raise_missing(qualname, names, kind):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        shown = quoted[0]
    else:
        shown = ", ".join(quoted[:-1]) + " and " + quoted[-1]
    prefix = qualname + "." if _gilsim.version >= (3, 10) else ""
    raise TypeError("%s__init__() missing %d required %s argument%s: %s"
                    % (prefix, len(names), kind, "" if len(names) == 1 else "s", shown))


def _repr_fields(obj):
    return [f for f in obj.__dataclass_fields__.values() if f._field_type == "_FIELD" and f.repr]


def _dataclass_repr(self):
    parts = ["%s=%r" % (f.name, getattr(self, f.name)) for f in _repr_fields(self)]
    return "%s(%s)" % (type(self).__qualname__, ", ".join(parts))


def _compare_tuple(obj):
    return tuple(getattr(obj, f.name) for f in obj.__dataclass_fields__.values()
                 if f._field_type == "_FIELD" and f.compare)


def _dataclass_eq(self, other):
    if other.__class__ is self.__class__:
        return _compare_tuple(self) == _compare_tuple(other)
    return NotImplemented


def _check_order(self, other, op):
    if other.__class__ is not self.__class__:
        raise TypeError("'%s' not supported between instances of '%s' and '%s'"
                        % (op, type(self).__name__, type(other).__name__))


def _lt(self, other):
    _check_order(self, other, "<")
    return _compare_tuple(self) < _compare_tuple(other)


def _le(self, other):
    _check_order(self, other, "<=")
    return _compare_tuple(self) <= _compare_tuple(other)


def _gt(self, other):
    _check_order(self, other, ">")
    return _compare_tuple(self) > _compare_tuple(other)


def _ge(self, other):
    _check_order(self, other, ">=")
    return _compare_tuple(self) >= _compare_tuple(other)


def _dataclass_hash(self):
    return hash(tuple(getattr(self, f.name) for f in self.__dataclass_fields__.values()
                      if f._field_type == "_FIELD" and (f.compare if f.hash is None else f.hash)))


def _frozen_setattr(self, name, value):
    if name in type(self).__dataclass_fields__:
        raise FrozenInstanceError("cannot assign to field '%s'" % name)
    object.__setattr__(self, name, value)


def _frozen_delattr(self, name):
    if name in type(self).__dataclass_fields__:
        raise FrozenInstanceError("cannot delete field '%s'" % name)
    object.__delattr__(self, name)


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              **options):
    # match_args, kw_only and slots came in 3.10, weakref_slot in 3.11.
    known = ()
    if _gilsim.version >= (3, 10):
        known = ("match_args", "kw_only", "slots", "weakref_slot") if _gilsim.version >= (3, 11) else (
            "match_args", "kw_only", "slots")
    for name in options:
        if name not in known:
            raise TypeError("dataclass() got an unexpected keyword argument '%s'" % name)
    match_args = options.get("match_args", True)
    kw_only = options.get("kw_only", False)
    slots = options.get("slots", False)

    def wrap(cls):
        cls = _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only, match_args)
        return _add_slots(cls) if slots else cls

    if cls is None:
        return wrap
    return wrap(cls)


def _add_slots(cls):
    # As CPython 3.10+: the class made again with `__slots__` naming its fields (a class's
    # `__slots__` cannot be added once it exists).
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    cls_dict["__slots__"] = field_names
    for name in field_names:
        cls_dict.pop(name, None)
    cls_dict.pop("__dict__", None)
    cls_dict.pop("__weakref__", None)
    qualname = getattr(cls, "__qualname__", None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    return cls


def fields(class_or_instance):
    try:
        all_fields = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance")
    return tuple(f for f in all_fields.values() if f._field_type == "_FIELD")


def is_dataclass(obj):
    return hasattr(obj, "__dataclass_fields__")


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    # Anything else is deep-copied (an object holding a lock cannot be).
    import copy
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("astuple() should be called on dataclass instances")
    return tuple_factory([_astuple_inner(getattr(obj, f.name)) for f in fields(obj)])


def _astuple_inner(obj):
    if is_dataclass(obj) and not isinstance(obj, type):
        return tuple(_astuple_inner(getattr(obj, f.name)) for f in fields(obj))
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_astuple_inner(v) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k), _astuple_inner(v)) for k, v in obj.items())
    import copy
    return copy.deepcopy(obj)


def replace(obj, **changes):
    for f in obj.__dataclass_fields__.values():
        if f._field_type == "_FIELD" and f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
