# traceback: printing and formatting exceptions as CPython's traceback module does, from the
# report gilsim prints for an uncaught exception (chained exceptions, source lines and all),
# the frames of a traceback object (extract_tb, format_tb, print_tb, walk_tb) and the running
# thread's stack (print_stack, format_stack, extract_stack), or the stack under a frame
# object (a snapshot: see gilsim_vm::stack).
import sys
import _gilsim

_sentinel = object()


def _report(exc):
    if exc is None:
        return "NoneType: None"
    return _gilsim.format_exception(exc)


def _entries(text):
    # The pieces CPython's format_exception returns: the header, one per frame (with its
    # source lines), one per line of the exception's own text, and the sentence joining two
    # chained exceptions with its blank lines.
    entries = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("    ") and entries and entries[-1].startswith("  File "):
            entries[-1] += line + "\n"
        elif line == "" and lines[i + 1:i + 2] in _JOINTS and lines[i + 2:i + 3] == [""]:
            entries.append("\n" + lines[i + 1] + "\n\n")
            i += 2
        else:
            entries.append(line + "\n")
        i += 1
    return entries


_JOINTS = (
    ["The above exception was the direct cause of the following exception:"],
    ["During handling of the above exception, another exception occurred:"],
)


def _value_of(exc, value):
    if value is _sentinel:
        return exc
    return value


def _limited(entries, limit, chain):
    # CPython's TracebackException: `limit` frames of each exception's traceback (the first
    # ones, or the last -limit from 3.5), no header when none is left (before 3.8, the header
    # stays), and with chain=False only the last exception.
    if limit is None and chain:
        return entries
    parts = [[]]
    for entry in entries:
        if entry.startswith("\n"):
            parts.append([entry])
            parts.append([])
        else:
            parts[-1].append(entry)
    if not chain:
        parts = parts[-1:]
    kept = []
    for part in parts:
        frames = [e for e in part if e.startswith("  File ")]
        if limit is not None and frames:
            chosen = frames[:limit] if limit >= 0 else frames[limit:]
            rest = [e for e in part if not e.startswith("  File ") and not e.startswith("  [Previous line")]
            header = rest[:1] if chosen or _gilsim.version < (3, 8) else []
            part = header + chosen + rest[1:]
        kept.extend(part)
    return kept


def _formatted(exc, limit, chain):
    return _bare_name(_limited(_entries(_report(exc)), limit, chain), exc)


def _bare_name(entries, exc):
    # 2.7's traceback module names the exception's class without its module (the
    # interpreter's own report qualifies it: getopt.GetoptError).
    if _gilsim.version >= (3,) or exc is None:
        return entries
    cls = type(exc)
    qualified = "%s.%s" % (cls.__module__, cls.__name__)
    return [cls.__name__ + e[len(qualified):] if e.startswith(qualified + ":") or e == qualified + "\n" else e
            for e in entries]


def format_exc(limit=None, chain=True):
    return "".join(_formatted(_gilsim.handled_exception(), limit, chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(_gilsim.handled_exception(), limit=limit, file=file, chain=chain)


def format_exception(exc, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    return _formatted(_value_of(exc, value), limit, chain)


def print_exception(exc, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    print("".join(_formatted(_value_of(exc, value), limit, chain)), file=file, end="")


def format_exception_only(exc, value=_sentinel):
    value = _value_of(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    entries = _bare_name(_entries(_report(value)), value)
    # The exception's own text follows the last frame's lines.
    start = 0
    for i, entry in enumerate(entries):
        if entry.startswith("  ") or entry.startswith("Traceback"):
            start = i + 1
    return entries[start:]


class FrameSummary(object):
    # One frame of extract_stack(): it unpacks as (filename, lineno, name, line).
    __slots__ = ("filename", "lineno", "name", "line", "locals", "_text")

    def __init__(self, filename, lineno, name, line=None, _text=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self.line = line
        self.locals = None
        # A traceback's frame is formatted as its report shows it (carets from 3.11).
        self._text = _text

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __len__(self):
        return 4

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return tuple(self) == tuple(other)
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)


class StackSummary(list):
    def format(self):
        return format_list(self)


def _frame_text(filename, lineno, name, line):
    text = '  File "{}", line {}, in {}\n'.format(filename, lineno, name)
    if line:
        text += "    {}\n".format(line.strip())
    return text


def format_list(extracted_list):
    return [getattr(frame, "_text", None) or _frame_text(*frame) for frame in extracted_list]


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in format_list(extracted_list):
        print(item, file=file, end="")


def _summary(frames):
    # extract_stack()'s and extract_tb()'s result: a StackSummary from 3.5, a list of tuples
    # before.
    if _gilsim.version < (3, 5):
        return [tuple(frame) for frame in frames]
    return StackSummary(frames)


def extract_stack(f=None, limit=None):
    # The caller's stack (this function's own frame is gilsim's library, left out), or the
    # stack under frame object `f`.
    if f is None:
        frames = _gilsim.stack()
    else:
        frames = []
        while f is not None:
            frames.append(f._gilsim_summary)
            f = f.f_back
        frames.reverse()
    if limit is not None:
        frames = frames[-limit:] if limit > 0 else []
    return _summary(FrameSummary(*frame) for frame in frames)


def format_stack(f=None, limit=None):
    return format_list(extract_stack(f, limit))


def print_stack(f=None, limit=None, file=None):
    print_list(extract_stack(f, limit), file)


def walk_tb(tb):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _tb_frames(tb, limit):
    frames = []
    while tb is not None:
        frames.append(tb)
        tb = tb.tb_next
    if limit is not None:
        frames = frames[:limit] if limit >= 0 else frames[limit:]
    return frames


def extract_tb(tb, limit=None):
    frames = [
        FrameSummary(t.tb_frame.f_code.co_filename, t.tb_lineno, t.tb_frame.f_code.co_name, t._gilsim_line,
                     _text=t._gilsim_text)
        for t in _tb_frames(tb, limit)
    ]
    return _summary(frames)


def format_tb(tb, limit=None):
    return [t._gilsim_text for t in _tb_frames(tb, limit)]


def print_tb(tb, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for text in format_tb(tb, limit):
        print(text, file=file, end="")


def _type_name(cls):
    if cls is None:
        return None
    if cls.__module__ in ("builtins", "__main__"):
        return cls.__qualname__
    return "%s.%s" % (cls.__module__, cls.__qualname__)


class TracebackException(object):
    # An exception and its chain, captured for formatting later (3.5+): its stack is a
    # StackSummary of its traceback, its format() the entries format_exception gives.
    def __init__(self, exc_type, exc_value, exc_traceback, limit=None, **options):
        self._exc_type = exc_type
        if _gilsim.version >= (3, 13):
            self.exc_type_str = _type_name(exc_type)
        else:
            self.exc_type = exc_type
        self.stack = extract_tb(exc_traceback, limit)
        self.__cause__ = None
        self.__context__ = None
        self.__suppress_context__ = False
        if exc_value is not None:
            self.__suppress_context__ = exc_value.__suppress_context__
            for attr in ("__cause__", "__context__"):
                linked = getattr(exc_value, attr)
                if linked is not None and linked is not exc_value:
                    setattr(self, attr, TracebackException(type(linked), linked, linked.__traceback__, limit))
        self._value = exc_value
        self._limit = limit
        self._str = str(exc_value)

    if _gilsim.version >= (3, 13):
        @property
        def exc_type(self):
            import warnings
            # stacklevel counts script frames in gilsim: 1 is the line that read the property.
            warnings.warn("Deprecated in 3.13. Use exc_type_str instead.", DeprecationWarning, stacklevel=1)
            return self._exc_type

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def format(self, chain=True, **options):
        for entry in _formatted(self._value, self._limit, chain):
            yield entry

    def format_exception_only(self, **options):
        for entry in format_exception_only(self._exc_type, self._value):
            yield entry

    def print(self, file=None, chain=True):
        print_exception(self._exc_type, self._value, limit=self._limit, file=file, chain=chain)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str
