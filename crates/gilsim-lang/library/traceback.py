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


def format_exc(limit=None, chain=True):
    return _report(_gilsim.handled_exception()) + "\n"


def print_exc(limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    print(_report(_gilsim.handled_exception()), file=file)


def format_exception(exc, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    return _entries(_report(_value_of(exc, value)))


def print_exception(exc, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    print(_report(_value_of(exc, value)), file=file)


def format_exception_only(exc, value=_sentinel):
    value = _value_of(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    text = _report(value)
    lines = text.split("\n")
    # The exception's own text follows the last frame's lines.
    start = 0
    for i, line in enumerate(lines):
        if line.startswith("  ") or line.startswith("Traceback"):
            start = i + 1
    return [line + "\n" for line in lines[start:]]



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
