# `int | None` (PEP 604): the union type `type.__or__` makes from 3.10. Linked into every
# program, loaded on the first `|` of two types. Also `list[int]` (PEP 585, 3.9+).
import _gilsim


class UnionType(object):
    # `int | None` from 3.10 (PEP 604): what `type.__or__` makes. isinstance() and
    # issubclass() accept it as the tuple of its members.
    __module__ = "types"

    def __init__(self, args):
        self.__args__ = args

    def __or__(self, other):
        return union_of(self, other)

    def __ror__(self, other):
        return union_of(other, self)

    def __repr__(self):
        return " | ".join(_union_member_repr(a) for a in self.__args__)

    def __eq__(self, other):
        # Anything else answers for itself (typing's Optional[int] equals `int | None`).
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__args__)


def _type_repr(item):
    # A class by its qualified name (a built-in's alone), anything else by repr().
    if isinstance(item, type):
        if item.__module__ == "builtins":
            return item.__qualname__
        return "%s.%s" % (item.__module__, item.__qualname__)
    return repr(item)


def _union_member_repr(member):
    return "None" if member is type(None) else _type_repr(member)


def union_of(a, b):
    # `a | b` of types, None or unions: the members in order, each once; one member alone
    # is itself (`int | int` is int).
    members = []
    for operand in (a, b):
        for member in operand.__args__ if isinstance(operand, UnionType) else (operand,):
            member = type(None) if member is None else member
            if member not in members:
                members.append(member)
    if len(members) == 1:
        return members[0]
    return UnionType(tuple(members))


class GenericAlias(object):
    # `list[int]`, `queue.Queue[str]` from 3.9 (PEP 585): what subscripting a built-in
    # container or a generic library class makes (CPython's Objects/genericaliasobject.c).
    # Calling it makes an instance of the class; other attributes are the class's.
    __module__ = "types"

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)
        self.__parameters__ = tuple(a for a in self.__args__ if type(a).__name__ == "TypeVar")

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__") and name not in ("__name__", "__qualname__", "__module__", "__doc__"):
            raise AttributeError("'types.GenericAlias' object has no attribute '%s'" % name)
        return getattr(self.__origin__, name)

    def __repr__(self):
        if not self.__args__:
            return "%s[()]" % alias_item_repr(self.__origin__)
        return "%s[%s]" % (alias_item_repr(self.__origin__), ", ".join(alias_item_repr(a) for a in self.__args__))

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    if _gilsim.version >= (3, 10):

        def __or__(self, other):
            return union_of(self, other)

        def __ror__(self, other):
            return union_of(other, self)


def alias_item_repr(item):
    # genericaliasobject.c's ga_repr_item: `...`, a nested alias as itself, a class by its
    # qualified name.
    if item is Ellipsis:
        return "..."
    if isinstance(item, list):
        return "[%s]" % ", ".join(alias_item_repr(a) for a in item)
    if hasattr(item, "__origin__") and hasattr(item, "__args__"):
        return repr(item)
    return _type_repr(item)


def generic_alias(origin, args):
    return GenericAlias(origin, args)
