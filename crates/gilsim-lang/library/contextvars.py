# contextvars (PEP 567): context variables, one context per thread. A thread starts in an
# empty context of its own (CPython's threads do not inherit the creating thread's context
# before 3.14), so a variable set in one thread is unseen in the others; `Context.run` runs a
# function in a copy.
import sys as _sys
import threading

_MISSING = object()
_local = threading.local()


def _current():
    context = getattr(_local, "context", None)
    if context is None:
        context = Context()
        _local.context = context
    return context


class Context(object):
    def __init__(self):
        self._data = {}

    def __repr__(self):
        # CPython's C type: named `_contextvars.Context` from 3.10.
        name = "_contextvars.Context" if _sys.version_info >= (3, 10) else "Context"
        return "<%s object at 0x%x>" % (name, id(self))

    def run(self, callable, *args, **kwargs):
        previous = _current()
        if getattr(self, "_entered", False):
            raise RuntimeError("cannot enter context: %r is already entered" % (self,))
        self._entered = True
        _local.context = self
        try:
            return callable(*args, **kwargs)
        finally:
            self._entered = False
            _local.context = previous

    def copy(self):
        new = Context()
        new._data = dict(self._data)
        return new

    def get(self, var, default=None):
        return self._data.get(var, default)

    def __getitem__(self, var):
        return self._data[var]

    def __contains__(self, var):
        return var in self._data

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()


class Token(object):
    MISSING = _MISSING

    def __init__(self, context, var, old_value):
        self._context = context
        self.var = var
        self.old_value = old_value
        self._used = False

    def __repr__(self):
        return "<Token%s var=%r at 0x%x>" % (" used" if self._used else "", self.var, id(self))


class ContextVar(object):
    def __init__(self, name, *, default=_MISSING):
        self.name = name
        self._default = default

    def get(self, *args):
        data = _current()._data
        if self in data:
            return data[self]
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        context = _current()
        token = Token(context, self, context._data.get(self, _MISSING))
        context._data[self] = value
        return token

    def reset(self, token):
        if token._used:
            raise RuntimeError("%r has already been used once" % (token,))
        if token.var is not self:
            raise ValueError("%r was created by a different ContextVar" % (token,))
        if token._context is not _current():
            raise ValueError("%r was created in a different Context" % (token,))
        token._used = True
        if token.old_value is _MISSING:
            del token._context._data[self]
        else:
            token._context._data[self] = token.old_value

    def __repr__(self):
        default = "" if self._default is _MISSING else " default=%r" % (self._default,)
        return "<ContextVar name=%r%s at 0x%x>" % (self.name, default, id(self))


def copy_context():
    return _current().copy()
