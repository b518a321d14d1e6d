# Coroutines (PEP 492) and async generators (PEP 525): the types of the objects an
# `async def` makes. Each is a generator underneath (gilsim_vm::coroutine): `await`
# resumes a coroutine directly, `send`/`throw` drive it from an event loop. Linked into the
# programs that use `async` syntax or import `types`, `inspect` or `asyncio`.

import _gilsim


class coroutine(object):
    # CPython's coroutine type (PEP 492): a generator underneath (gilsim_vm::coroutine);
    # `await` resumes it directly, `send`/`throw` drive it from an event loop.
    __module__ = "builtins"

    def send(self, value):
        return _gilsim.gen_resume(self, value, None)

    def throw(self, exc, *rest):
        return _gilsim.gen_resume(self, None, exc)

    def close(self):
        if _gilsim.gen_close(self):
            return
        try:
            _gilsim.gen_resume(self, None, GeneratorExit)
        except (GeneratorExit, StopIteration):
            return
        raise RuntimeError("coroutine ignored GeneratorExit")

    def __await__(self):
        return coroutine_wrapper(self)

    def __repr__(self):
        return "<coroutine object %s at %#x>" % (_gilsim.gen_name(self), id(self))


class coroutine_wrapper(object):
    # What `coroutine.__await__()` returns: an iterator over the coroutine.
    def __init__(self, coro):
        self._coro = coro

    def __iter__(self):
        return self

    def __next__(self):
        return _gilsim.gen_resume(self._coro, None, None)

    def send(self, value):
        return _gilsim.gen_resume(self._coro, value, None)

    def throw(self, exc, *rest):
        return _gilsim.gen_resume(self._coro, None, exc)

    def close(self):
        return self._coro.close()


class iterable_coroutine(object):
    # A generator of a `types.coroutine` function: awaitable, and still a generator.
    def __init__(self, gen):
        self._gen = gen

    def __await__(self):
        return self._gen

    def __iter__(self):
        return self._gen

    def __next__(self):
        return next(self._gen)

    def send(self, value):
        return self._gen.send(value)

    def throw(self, *args):
        return self._gen.throw(*args)

    def close(self):
        return self._gen.close()

    def __repr__(self):
        return repr(self._gen)


class async_gen_value(object):
    # An async generator's own item on its way out (CPython's _PyAsyncGenWrappedValue),
    # told apart from what an `await` inside its body passes up to the event loop.
    pass


class async_generator(object):
    # CPython's async generator type (PEP 525): a generator underneath whose `yield`s hand
    # out async_gen_value; `__anext__`, `asend` and `athrow` give awaitables that drive it.
    __module__ = "builtins"

    def __aiter__(self):
        return self

    def __anext__(self):
        return async_gen_asend(self, None, None)

    def asend(self, value):
        return async_gen_asend(self, value, None)

    def athrow(self, typ, val=None, tb=None):
        return async_gen_asend(self, None, typ if val is None else val)

    def aclose(self):
        return async_gen_asend(self, None, GeneratorExit)

    def __repr__(self):
        return "<async_generator object %s at %#x>" % (_gilsim.gen_name(self), id(self))


class async_gen_asend(object):
    # The awaitable of `__anext__()`, `asend(v)`, `athrow(e)` and `aclose()`: the first
    # step sends the value (or throws the exception) into the generator, the later ones pass
    # on what the event loop sends; an item ends the await with it (StopIteration), the
    # generator's end is StopAsyncIteration.
    def __init__(self, gen, value, exc):
        self._gen = gen
        self._value = value
        self._exc = exc
        self._state = 0

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def send(self, value):
        if self._state == 2:
            raise RuntimeError("cannot reuse already awaited __anext__()/asend()")
        exc = None
        if self._state == 0:
            self._state = 1
            exc = self._exc
            if value is None:
                value = self._value
        return self._step(value, exc)

    def throw(self, exc, *rest):
        if self._state == 2:
            raise RuntimeError("cannot reuse already awaited __anext__()/asend()")
        self._state = 1
        return self._step(None, exc)

    def close(self):
        self._state = 2

    def _step(self, value, exc):
        closing = self._exc is GeneratorExit
        try:
            result = _gilsim.gen_resume(self._gen, value, exc)
        except StopIteration:
            self._state = 2
            if closing:
                raise StopIteration
            raise StopAsyncIteration
        except GeneratorExit:
            self._state = 2
            if closing:
                raise StopIteration
            raise
        except BaseException:
            self._state = 2
            raise
        if type(result) is async_gen_value:
            self._state = 2
            if closing:
                raise RuntimeError("async generator ignored GeneratorExit")
            raise StopIteration(result.value)
        return result


async def anext_default(iterator, default):
    # `anext(iterator, default)` (3.10+): the next item, or `default` once it is exhausted.
    try:
        return await iterator.__anext__()
    except StopAsyncIteration:
        return default
