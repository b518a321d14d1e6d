# traceback: printing and formatting exceptions as CPython's traceback module does, from the
# report gilsim prints for an uncaught exception (chained exceptions, source lines and all).
# Frames are the script's; stack walking (print_stack, extract_tb, walk_tb) is not simulated.
import sys
import _gilsim

_sentinel = object()


def _report(exc):
    if exc is None:
        return "NoneType: None"
    return _gilsim.format_exception(exc)


def _entries(text):
    # The pieces CPython's format_exception returns: the header, one per frame (with its
    # source lines), one per line of the exception's own text.
    entries = []
    for line in text.split("\n"):
        if line.startswith("    ") and entries and entries[-1].startswith("  File "):
            entries[-1] += line + "\n"
        else:
            entries.append(line + "\n")
    return entries


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

