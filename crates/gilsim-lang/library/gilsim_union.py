# `int | None` (PEP 604): the union type `type.__or__` makes from 3.10. Linked into every
# program, loaded on the first `|` of two types.
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
        return isinstance(other, UnionType) and set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__args__)


def _union_member_repr(member):
    if member is type(None):
        return "None"
    if isinstance(member, type):
        if member.__module__ == "builtins":
            return member.__qualname__
        return "%s.%s" % (member.__module__, member.__qualname__)
    return repr(member)


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
