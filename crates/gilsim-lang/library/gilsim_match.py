# _gilsim_match: the run-time checks of the `match` statement (PEP 634) that CPython makes in
# single instructions — MATCH_SEQUENCE with GET_LEN, MATCH_MAPPING with MATCH_KEYS and
# COPY_DICT_WITHOUT_KEYS, MATCH_CLASS — with their TypeError and ValueError texts. The
# compiler (compiler/patterns.rs) calls one per structural pattern; each returns None when
# the subject does not match, else the list of values its sub-patterns match in order.
from collections import deque, OrderedDict, defaultdict, Counter, ChainMap
import _gilsim

_SEQUENCES = (list, tuple, range, deque)
_MAPPINGS = (dict, OrderedDict, defaultdict, Counter, ChainMap)
# Types whose one positional sub-pattern matches the subject itself (_Py_TPFLAGS_MATCH_SELF).
_MATCH_SELF = (bool, bytes, dict, float, frozenset, int, list, set, str, tuple)
_missing = object()


def sequence(subject, length, star):
    # `star`: the index of the starred sub-pattern, or -1; the star takes a list of the rest.
    if not isinstance(subject, _SEQUENCES) and not getattr(type(subject), "_gilsim_sequence", False):
        return None
    size = len(subject)
    if star < 0:
        if size != length:
            return None
        return list(subject)
    if size < length - 1:
        return None
    items = list(subject)
    after = length - 1 - star
    return items[:star] + [items[star:size - after]] + items[size - after:]


def mapping(subject, keys, rest):
    if not isinstance(subject, _MAPPINGS):
        return None
    if len(subject) < len(keys):
        return None
    values = []
    seen = []
    get = subject.get
    for key in keys:
        if key in seen:
            raise ValueError("mapping pattern checks duplicate key (%r)" % (key,))
        seen.append(key)
        value = get(key, _missing)
        if value is _missing:
            return None
        values.append(value)
    if rest:
        remaining = dict(subject)
        for key in keys:
            del remaining[key]
        values.append(remaining)
    return values


def class_(subject, cls, positional, keywords):
    if not isinstance(cls, type):
        if _gilsim.version >= (3, 12):
            raise TypeError("called match pattern must be a class")
        raise TypeError("called match pattern must be a type")
    if not isinstance(subject, cls):
        return None
    names = []
    values = []
    if positional:
        match_args = getattr(cls, "__match_args__", _missing)
        if match_args is _missing:
            if issubclass(cls, _MATCH_SELF):
                if positional > 1:
                    raise TypeError("%s() accepts 1 positional sub-pattern (%d given)" % (cls.__name__, positional))
                values.append(subject)
                match_args = ()
                positional = 0
            else:
                match_args = ()
        elif not isinstance(match_args, tuple):
            raise TypeError("%s.__match_args__ must be a tuple (got %s)" % (cls.__name__, type(match_args).__name__))
        if positional > len(match_args):
            plural = "" if len(match_args) == 1 else "s"
            raise TypeError("%s() accepts %d positional sub-pattern%s (%d given)"
                            % (cls.__name__, len(match_args), plural, positional))
        for name in match_args[:positional]:
            if not isinstance(name, str):
                raise TypeError("__match_args__ elements must be strings (got %s)" % type(name).__name__)
            names.append(name)
    for name in keywords:
        names.append(name)
    for i, name in enumerate(names):
        if name in names[:i]:
            raise TypeError("%s() got multiple sub-patterns for attribute %r" % (cls.__name__, name))
        value = getattr(subject, name, _missing)
        if value is _missing:
            return None
        values.append(value)
    return values
