# gilsim's inspect: the predicates threaded programs ask (`inspect.isclass(exctype)` in the
# thread-stopping recipe, `isgeneratorfunction` and `iscoroutinefunction` in decorators,
# `isfunction`/`ismethod` when dispatching callables) and `getmembers`, as CPython's
# Lib/inspect.py defines them; `currentframe`, `stack`, `getframeinfo` and `getouterframes`
# over snapshots of the calling thread's frames (f_back, f_code, f_lineno); signatures
# (`signature`, `Signature`, `Parameter`, `getfullargspec`, `unwrap`) from _gilsim_signature.

import functools
import sys
import types
import _gilsim
from _gilsim_signature import (BoundArguments, FullArgSpec, Parameter, Signature, formatannotation,
                               getfullargspec, signature, unwrap)


def ismodule(object):
    return isinstance(object, types.ModuleType)


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, types.MethodType)


def isfunction(object):
    return isinstance(object, types.FunctionType)


def isbuiltin(object):
    return isinstance(object, types.BuiltinFunctionType)


def isroutine(object):
    return isbuiltin(object) or isfunction(object) or ismethod(object)


GEN_CREATED = "GEN_CREATED"
GEN_RUNNING = "GEN_RUNNING"
GEN_SUSPENDED = "GEN_SUSPENDED"
GEN_CLOSED = "GEN_CLOSED"


def getgeneratorstate(generator):
    if not isgenerator(generator):
        raise AttributeError("'%s' object has no attribute 'gi_running'" % type(generator).__name__)
    return _gilsim.gen_state(generator)


def isgenerator(object):
    return isinstance(object, types.GeneratorType)


def _unwrapped(f):
    # CPython's _has_code_flag: through bound methods, and from 3.8 functools.partial.
    while True:
        if ismethod(f):
            f = f.__func__
        elif isinstance(f, functools.partial) and sys.version_info >= (3, 8):
            f = f.func
        else:
            return f


def isgeneratorfunction(obj):
    return _gilsim.function_kind(_unwrapped(obj)) == "generator"


def iscoroutinefunction(obj):
    return _gilsim.function_kind(_unwrapped(obj)) == "coroutine"


def isasyncgenfunction(obj):
    return _gilsim.function_kind(_unwrapped(obj)) == "async_generator"


def iscoroutine(object):
    return isinstance(object, types.CoroutineType)


def isasyncgen(object):
    return isinstance(object, types.AsyncGeneratorType)


def isawaitable(object):
    return iscoroutine(object) or hasattr(type(object), "__await__")


def isabstract(object):
    return isinstance(object, type) and bool(getattr(object, "__abstractmethods__", False))


def getmembers(object, predicate=None):
    results = []
    for key in dir(object):
        try:
            value = getattr(object, key)
        except AttributeError:
            continue
        if predicate is None or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


def getdoc(object):
    doc = getattr(object, "__doc__", None)
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def cleandoc(doc):
    lines = doc.expandtabs().split("\n")
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


import collections as _collections

FrameInfo = _collections.namedtuple("FrameInfo", "frame filename lineno function code_context index")
Traceback = _collections.namedtuple("Traceback", "filename lineno function code_context index")


def currentframe():
    return _gilsim.frame()


def getframeinfo(frame, context=1):
    lines = [frame._gilsim_context + "\n"] if frame._gilsim_context else None
    return Traceback(frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name, lines, 0)


def getouterframes(frame, context=1):
    frames = []
    while frame is not None:
        frames.append(FrameInfo(frame, *getframeinfo(frame, context)))
        frame = frame.f_back
    return frames


def stack(context=1):
    return getouterframes(_gilsim.frame(), context)
