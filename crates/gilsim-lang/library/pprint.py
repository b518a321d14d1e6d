# pprint: CPython's PrettyPrinter (Lib/pprint.py) for the built-in containers — a repr
# that fits in the width is written whole; a dict, list, tuple, set or str that does not is
# broken one item per line (or packed, with compact=True), dicts sorted by key unless
# sort_dicts=False (3.8+), long strings split at whitespace. Other objects print their repr.
import sys as _sys
import re as _re
import _gilsim

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr", "PrettyPrinter"]
if _gilsim.version >= (3, 8):
    __all__.append("pp")


if _gilsim.version >= (3, 8):
    def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True):
        printer = PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth, compact=compact,
                                sort_dicts=sort_dicts)
        printer.pprint(object)

    def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True):
        printer = PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact, sort_dicts=sort_dicts)
        return printer.pformat(object)

    def pp(object, *args, sort_dicts=False, **kwargs):
        pprint(object, *args, sort_dicts=sort_dicts, **kwargs)
else:
    # No sort_dicts before 3.8: dicts are always sorted.
    def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False):
        PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth, compact=compact).pprint(object)

    def pformat(object, indent=1, width=80, depth=None, *, compact=False):
        return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact).pformat(object)


def saferepr(object):
    return _safe_repr(object, {}, None, 0, True)[0]


def isreadable(object):
    return _safe_repr(object, {}, None, 0, True)[1]


def isrecursive(object):
    return _safe_repr(object, {}, None, 0, True)[2]


class _safe_key:
    # Orders values that may not be comparable: by value when they are, else by type name.
    __slots__ = ["obj"]

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return ((str(type(self.obj)), id(self.obj)) < (str(type(other.obj)), id(other.obj)))


def _safe_tuple(t):
    return _safe_key(t[0]), _safe_key(t[1])


class _Output:
    # The text being built (CPython writes to an io.StringIO).
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def getvalue(self):
        return "".join(self.parts)


class PrettyPrinter:
    if _gilsim.version >= (3, 8):
        def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False, sort_dicts=True):
            self._setup(indent, width, depth, stream, compact, sort_dicts)
    else:
        def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False):
            self._setup(indent, width, depth, stream, compact, True)

    def _setup(self, indent, width, depth, stream, compact, sort_dicts):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError("indent must be >= 0")
        if depth is not None and depth <= 0:
            raise ValueError("depth must be > 0")
        if not width:
            raise ValueError("width must be != 0")
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = stream
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts

    def pprint(self, object):
        stream = self._stream if self._stream is not None else _sys.stdout
        stream.write(self.pformat(object))
        stream.write("\n")

    def pformat(self, object):
        out = _Output()
        self._format(object, out, 0, 0, {}, 0)
        return out.getvalue()

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        s, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def format(self, object, context, maxlevels, level):
        return _safe_repr(object, context, maxlevels, level, self._sort_dicts)

    def _repr(self, object, context, level):
        return self.format(object, dict(context), self._depth, level)[0]

    def _format(self, object, stream, indent, allowance, context, level):
        objid = id(object)
        if objid in context:
            stream.write(_recursion(object))
            return
        rep = self._repr(object, context, level)
        max_width = self._width - indent - allowance
        if len(rep) > max_width:
            kind = type(object)
            printer = None
            if kind is dict:
                printer = self._pprint_dict
            elif kind is list:
                printer = self._pprint_list
            elif kind is tuple:
                printer = self._pprint_tuple
            elif kind is set or kind is frozenset:
                printer = self._pprint_set
            elif kind is str:
                printer = self._pprint_str
            if printer is not None:
                context[objid] = 1
                printer(object, stream, indent, allowance, context, level + 1)
                del context[objid]
                return
        stream.write(rep)

    def _pprint_dict(self, object, stream, indent, allowance, context, level):
        write = stream.write
        write("{")
        if self._indent_per_level > 1:
            write((self._indent_per_level - 1) * " ")
        if len(object):
            if self._sort_dicts:
                items = sorted(object.items(), key=_safe_tuple)
            else:
                items = list(object.items())
            self._format_dict_items(items, stream, indent, allowance + 1, context, level)
        write("}")

    def _pprint_list(self, object, stream, indent, allowance, context, level):
        stream.write("[")
        self._format_items(object, stream, indent, allowance + 1, context, level)
        stream.write("]")

    def _pprint_tuple(self, object, stream, indent, allowance, context, level):
        stream.write("(")
        endchar = ",)" if len(object) == 1 else ")"
        self._format_items(object, stream, indent, allowance + len(endchar), context, level)
        stream.write(endchar)

    def _pprint_set(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        typ = type(object)
        if typ is set:
            stream.write("{")
            endchar = "}"
        else:
            stream.write(typ.__name__ + "({")
            endchar = "})"
            indent += len(typ.__name__) + 1
        object = sorted(object, key=_safe_key)
        self._format_items(object, stream, indent, allowance + len(endchar), context, level)
        stream.write(endchar)

    def _pprint_str(self, object, stream, indent, allowance, context, level):
        write = stream.write
        if not len(object):
            write(repr(object))
            return
        chunks = []
        lines = object.splitlines(True)
        if level == 1:
            indent += 1
            allowance += 1
        max_width1 = max_width = self._width - indent
        rep = ""
        for i, line in enumerate(lines):
            rep = repr(line)
            if i == len(lines) - 1:
                max_width1 -= allowance
            if len(rep) <= max_width1:
                chunks.append(rep)
            else:
                # Alternating (non-space, space) runs.
                parts = _re.findall(r"\S*\s*", line)
                parts.pop()
                max_width2 = max_width
                current = ""
                for j, part in enumerate(parts):
                    candidate = current + part
                    if j == len(parts) - 1 and i == len(lines) - 1:
                        max_width2 -= allowance
                    if len(repr(candidate)) > max_width2:
                        if current:
                            chunks.append(repr(current))
                        current = part
                    else:
                        current = candidate
                if current:
                    chunks.append(repr(current))
        if len(chunks) == 1:
            write(rep)
            return
        if level == 1:
            write("(")
        for i, rep in enumerate(chunks):
            if i > 0:
                write("\n" + " " * indent)
            write(rep)
        if level == 1:
            write(")")

    def _format_dict_items(self, items, stream, indent, allowance, context, level):
        write = stream.write
        indent += self._indent_per_level
        delimnl = ",\n" + " " * indent
        last_index = len(items) - 1
        for i, (key, ent) in enumerate(items):
            last = i == last_index
            rep = self._repr(key, context, level)
            write(rep)
            write(": ")
            self._format(ent, stream, indent + len(rep) + 2, allowance if last else 1, context, level)
            if not last:
                write(delimnl)

    def _format_items(self, items, stream, indent, allowance, context, level):
        write = stream.write
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            write((self._indent_per_level - 1) * " ")
        delimnl = ",\n" + " " * indent
        delim = ""
        width = max_width = self._width - indent + 1
        it = iter(items)
        try:
            next_ent = next(it)
        except StopIteration:
            return
        last = False
        while not last:
            ent = next_ent
            try:
                next_ent = next(it)
            except StopIteration:
                last = True
                max_width -= allowance
                width -= allowance
            if self._compact:
                rep = self._repr(ent, context, level)
                w = len(rep) + 2
                if width < w:
                    width = max_width
                    if delim:
                        delim = delimnl
                if width >= w:
                    width -= w
                    write(delim)
                    delim = ", "
                    write(rep)
                    continue
            write(delim)
            delim = delimnl
            self._format(ent, stream, indent, allowance if last else 1, context, level)


def _safe_repr(object, context, maxlevels, level, sort_dicts):
    # (repr, readable, recursive), with dicts' keys sorted and depth cut to "...".
    typ = type(object)
    if typ in (str, int, float, bool, type(None)):
        return repr(object), True, False
    if typ is dict:
        if not object:
            return "{}", True, False
        objid = id(object)
        if maxlevels and level >= maxlevels:
            return "{...}", False, objid in context
        if objid in context:
            return _recursion(object), False, True
        context[objid] = 1
        readable = True
        recursive = False
        components = []
        level += 1
        items = sorted(object.items(), key=_safe_tuple) if sort_dicts else object.items()
        for k, v in items:
            krepr, kreadable, krecur = _safe_repr(k, context, maxlevels, level, sort_dicts)
            vrepr, vreadable, vrecur = _safe_repr(v, context, maxlevels, level, sort_dicts)
            components.append("%s: %s" % (krepr, vrepr))
            readable = readable and kreadable and vreadable
            if krecur or vrecur:
                recursive = True
        del context[objid]
        return "{%s}" % ", ".join(components), readable, recursive
    if typ is list or typ is tuple:
        if typ is list:
            if not object:
                return "[]", True, False
            form = "[%s]"
        elif len(object) == 1:
            form = "(%s,)"
        else:
            if not object:
                return "()", True, False
            form = "(%s)"
        objid = id(object)
        if maxlevels and level >= maxlevels:
            return form % "...", False, objid in context
        if objid in context:
            return _recursion(object), False, True
        context[objid] = 1
        readable = True
        recursive = False
        components = []
        level += 1
        for o in object:
            orepr, oreadable, orecur = _safe_repr(o, context, maxlevels, level, sort_dicts)
            components.append(orepr)
            if not oreadable:
                readable = False
            if orecur:
                recursive = True
        del context[objid]
        return form % ", ".join(components), readable, recursive
    rep = repr(object)
    return rep, (rep and not rep.startswith("<")), False


def _recursion(object):
    return "<Recursion on %s with id=%s>" % (type(object).__name__, id(object))
