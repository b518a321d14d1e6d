# re: CPython's regular expressions — Pattern and Match objects, search/match/fullmatch,
# findall/finditer, sub/subn with templates or functions, split, escape — on gilsim's
# backtracking engine (modules/sre.rs). Empty matches follow each version's rules (an empty
# match right after a non-empty one counts; 3.6's sub and split skipped it, its findall and
# finditer did not).
import _gilsim

A = ASCII = 256
I = IGNORECASE = 2
L = LOCALE = 4
M = MULTILINE = 8
S = DOTALL = 16
U = UNICODE = 32
X = VERBOSE = 64
_FLAG_NAMES = [(IGNORECASE, "re.IGNORECASE"), (LOCALE, "re.LOCALE"), (MULTILINE, "re.MULTILINE"),
               (DOTALL, "re.DOTALL"), (UNICODE, "re.UNICODE"), (VERBOSE, "re.VERBOSE"), (ASCII, "re.ASCII")]
_OLD = _gilsim.version < (3, 7)


def _error_init(self, msg, pattern=None, pos=None):
    # CPython's re.error: the message with its position (and line and column in a pattern of
    # several lines); Python 2.7's has the message alone.
    self.msg = msg
    self.pattern = pattern
    self.pos = pos
    if pattern is not None and pos is not None and _gilsim.version >= (3, 5):
        msg = "%s at position %d" % (msg, pos)
        newline = "\n" if isinstance(pattern, str) else b"\n"
        self.lineno = pattern.count(newline, 0, pos) + 1
        self.colno = pos - pattern.rfind(newline, 0, pos)
        if newline in pattern:
            msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
    else:
        self.lineno = self.colno = None
    Exception.__init__(self, msg)


if _gilsim.version >= (3, 13):
    class PatternError(Exception):
        __init__ = _error_init
    error = PatternError
else:
    class error(Exception):
        if _gilsim.version < (3, 7):
            __module__ = "sre_constants"
        __init__ = _error_init


class Match:
    def __init__(self, pattern, string, spans, pos, endpos):
        self.re = pattern
        self.string = string
        self._spans = spans
        self.pos = pos
        self.endpos = endpos

    def _index(self, group):
        if isinstance(group, str):
            if group not in self.re.groupindex:
                raise IndexError("no such group")
            return self.re.groupindex[group]
        if not isinstance(group, int) or group < 0 or group > self.re.groups:
            raise IndexError("no such group")
        return group

    def _get(self, group, default=None):
        i = self._index(group)
        start, end = self._spans[2 * i], self._spans[2 * i + 1]
        if start < 0:
            return default
        return self.string[start:end]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(groups[0])
        return tuple(self._get(g) for g in groups)

    def __getitem__(self, group):
        return self._get(group)

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(index, default) for name, index in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def lastindex(self):
        last = None
        best_end = -1
        for i in range(1, self.re.groups + 1):
            start, end = self._spans[2 * i], self._spans[2 * i + 1]
            if start >= 0 and end >= best_end:
                last, best_end = i, end
        return last

    @property
    def lastgroup(self):
        index = self.lastindex
        for name, i in self.re.groupindex.items():
            if i == index:
                return name
        return None

    def expand(self, template):
        return _expand(self.re, template, self)

    def __bool__(self):
        return True

    def __repr__(self):
        name = "_sre.SRE_Match" if _OLD else "re.Match"
        return "<%s object; span=%r, match=%r>" % (name, self.span(), self.group())


class Pattern:
    def __init__(self, pattern, flags):
        handle, message, groups, groupindex = _gilsim.sre_compile(pattern, flags)
        if handle is None:
            # A refused pattern's third item is the error's position (None when it has none).
            raise error(message, pattern, groups)
        self._handle = handle
        self.pattern = pattern
        self.flags = flags | UNICODE
        self.groups = groups
        self.groupindex = groupindex

    def _run(self, string, pos, endpos, mode):
        if not isinstance(string, str):
            message = "expected string or bytes-like object"
            if _gilsim.version >= (3, 12):
                message += ", got '%s'" % type(string).__name__
            raise TypeError(message)
        if endpos is None:
            endpos = len(string)
        spans = _gilsim.sre_search(self._handle, string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 0)

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        return self._matches(string, pos, endpos, False)

    def _matches(self, string, pos, endpos, replacing):
        # The matches finditer gives; `replacing` (sub, split): 3.6 skips an empty match
        # where the previous one ended.
        if endpos is None:
            endpos = len(string)
        previous_end = -1
        previous_empty = False
        while pos <= endpos:
            m = self._run(string, pos, endpos, 0)
            if m is None:
                return
            start, end = m.span()
            # No empty match where the last one ended — if that one was empty too (3.7+),
            # or at all (3.6): look again one character on.
            if start == end == previous_end and ((_OLD and replacing) or previous_empty):
                if start >= endpos:
                    return
                pos = start + 1
                continue
            yield m
            previous_end, previous_empty = end, start == end
            pos = end

    def findall(self, string, pos=0, endpos=None):
        out = []
        for m in self.finditer(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group())
            elif self.groups == 1:
                out.append(m._get(1, ""))
            else:
                out.append(m.groups(""))
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            replace = repl
        else:
            template = _template(self, repl)
            replace = lambda m: _expand_parsed(template, m)
        pieces = []
        last = 0
        n = 0
        for m in self._matches(string, 0, None, True):
            if count and n >= count:
                break
            start, end = m.span()
            pieces.append(string[last:start])
            piece = replace(m)
            if piece is not None:
                pieces.append(piece)
            last = end
            n += 1
        pieces.append(string[last:])
        return "".join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        for m in self._matches(string, 0, None, True):
            if maxsplit and n >= maxsplit:
                break
            start, end = m.span()
            if _OLD and start == end:
                continue
            out.append(string[last:start])
            out.extend(m.groups())
            last = end
            n += 1
        out.append(string[last:])
        return out

    def __repr__(self):
        flags = self.flags & ~UNICODE
        text = "re.compile(%r" % self.pattern
        if flags:
            names = [name for value, name in _FLAG_NAMES if flags & value]
            text += ", " + "|".join(names)
        return text + ")"

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "b": "\b", "\\": "\\"}


def _template(pattern, repl):
    # The template as literal text and group numbers.
    parts = []
    text = []
    i = 0
    while i < len(repl):
        ch = repl[i]
        if ch != "\\" or i + 1 == len(repl):
            if ch == "\\":
                raise error("bad escape (end of pattern)", repl, i)
            text.append(ch)
            i += 1
            continue
        nxt = repl[i + 1]
        if nxt == "g":
            close = repl.find(">", i)
            if i + 2 >= len(repl) or repl[i + 2] != "<" or close < 0:
                raise error("missing <", repl, i + 2)
            name = repl[i + 3:close]
            if name.isdigit():
                index = int(name)
            elif name in pattern.groupindex:
                index = pattern.groupindex[name]
            else:
                raise IndexError("unknown group name '%s'" % name)
            parts.append("".join(text))
            parts.append(index)
            text = []
            i = close + 1
        elif nxt.isdigit():
            j = i + 1
            while j < len(repl) and j < i + 3 and repl[j].isdigit():
                j += 1
            index = int(repl[i + 1:j])
            if index > pattern.groups:
                raise error("invalid group reference %d" % index, repl, i + 1)
            parts.append("".join(text))
            parts.append(index)
            text = []
            i = j
        elif nxt in _ESCAPES:
            text.append(_ESCAPES[nxt])
            i += 2
        elif ord(nxt) < 128 and nxt.isalpha():
            raise error("bad escape \\%s" % nxt, repl, i)
        else:
            text.append("\\" + nxt)
            i += 2
    parts.append("".join(text))
    return parts


def _expand_parsed(parts, m):
    out = []
    for part in parts:
        if isinstance(part, int):
            out.append(m._get(part, ""))
        else:
            out.append(part)
    return "".join(out)


def _expand(pattern, template, m):
    return _expand_parsed(_template(pattern, template), m)


if _OLD:
    Match.__name__ = Match.__qualname__ = "SRE_Match"
    Pattern.__name__ = Pattern.__qualname__ = "SRE_Pattern"

_cache = {}


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (pattern, flags)
    if key not in _cache:
        _cache[key] = Pattern(pattern, flags)
    return _cache[key]


def purge():
    _cache.clear()


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


_SPECIAL = set("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    if _OLD:
        return "".join(c if c.isalnum() or c == "_" or ord(c) >= 128 else "\\" + c for c in pattern)
    return "".join("\\" + c if c in _SPECIAL else c for c in pattern)
