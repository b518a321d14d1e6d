# contextlib: contextmanager on generators (also decorators, through ContextDecorator),
# suppress, nullcontext, closing, ExitStack (CPython's Lib/contextlib.py algorithms).
from abc import ABCMeta as _ABCMeta

import _gilsim


class ContextDecorator(object):
    # A context manager that is also a decorator: the function runs inside it (3.2+).
    def _recreate_cm(self):
        return self

    def __call__(self, func):
        from functools import wraps

        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class _GeneratorContextManager(ContextDecorator if _gilsim.version >= (3, 0) else object):
    def _recreate_cm(self):
        # A decorated function enters a new generator at each call.
        return self.__class__(self.func, self.args, self.kwds)

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        if _gilsim.version >= (3, 0):
            self.func, self.args, self.kwds = func, args, kwds

    def __enter__(self):
        # 3.7 drops what a recreation would need on entering, so a second `with` of one
        # object fails there (AttributeError: args).
        if _gilsim.version >= (3, 7):
            del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield")

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        # The exception thrown in and re-raised keeps the traceback it came with (3.7+ sets
        # `exc.__traceback__` back; before, the interpreter re-raised it with its own).
        mark = _gilsim.traceback_mark(value)
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            return exc is not value
        except BaseException as exc:
            if exc is value:
                _gilsim.traceback_reset(value, mark)
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)

    return helper


class _AsyncGeneratorContextManager(object):
    # `@asynccontextmanager` (3.7+): an async generator that yields once, for `async with`.
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)

    async def __aenter__(self):
        try:
            return await self.gen.__anext__()
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await self.gen.__anext__()
            except StopAsyncIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(value)
        except StopAsyncIteration as exc:
            return exc is not value
        except BaseException as exc:
            if exc is value:
                return False
            raise
        raise RuntimeError("generator didn't stop after athrow()")


def asynccontextmanager(func):
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)

    return helper


if _gilsim.version < (3, 7):
    del asynccontextmanager


class suppress(object):
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class nullcontext(object):
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


class closing(object):
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class ExitStack(object):
    def __init__(self):
        self._exit_callbacks = []

    def __enter__(self):
        return self

    def enter_context(self, cm):
        result = cm.__enter__()
        self._exit_callbacks.append(cm.__exit__)
        return result

    def callback(self, callback, *args, **kwds):
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)

        self._exit_callbacks.append(_exit_wrapper)
        return callback

    def push(self, exit):
        self._exit_callbacks.append(exit)
        return exit

    def close(self):
        self.__exit__(None, None, None)

    def __exit__(self, *exc_details):
        suppressed = False
        pending = exc_details[1] is not None
        while self._exit_callbacks:
            cb = self._exit_callbacks.pop()
            if cb(*exc_details):
                suppressed = True
                pending = False
                exc_details = (None, None, None)
        return suppressed and not pending


class _RedirectStream(object):
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._old_targets = []

    def __enter__(self):
        import sys
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        import sys
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    # print() without file= writes to the new target while the block runs (in every thread:
    # sys.stdout is global, as in CPython).
    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    _stream = "stderr"


class AbstractContextManager(metaclass=_ABCMeta):
    # An ABC for classes with __enter__ (returning self) and __exit__ (abstract).
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractContextManager:
            if any("__enter__" in B.__dict__ for B in C.__mro__) and any("__exit__" in B.__dict__ for B in C.__mro__):
                return True
        return NotImplemented
