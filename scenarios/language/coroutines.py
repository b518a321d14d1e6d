# gilsim: expect=ok
# Coroutines without asyncio: a hand-written driver sends into them, as an event loop does.
# `await` on objects with __await__, async with / async for on hand-made classes, async
# generators and comprehensions, the protocol's errors, and the never-awaited warning.
import inspect
import types


class Tick:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        for i in range(self.n):
            reply = yield ("tick", i)
            print("  driver replied", reply)
        return "ticked %d" % self.n


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("acquire", self.name)
        await Tick(1)
        return self.name.upper()

    async def __aexit__(self, exc_type, exc, tb):
        print("release", self.name, exc_type.__name__ if exc_type else None)
        await Tick(1)
        return exc_type is not None and issubclass(exc_type, LookupError)


class Pages:
    def __init__(self, count):
        self.page = 0
        self.count = count

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.page == self.count:
            raise StopAsyncIteration
        self.page += 1
        await Tick(1)
        return "page %d" % self.page


async def numbers(limit):
    for n in range(limit):
        await Tick(1)
        yield n * n
    print("numbers exhausted")


@types.coroutine
def legacy_sleep():
    got = yield "legacy"
    return "legacy got %r" % (got,)


async def double(x):
    return 2 * (await Tick(1) and x)


async def main():
    print(await Tick(2))
    async with Resource("db") as handle:
        print("inside with", handle)
    async with Resource("cache"):
        raise KeyError("swallowed by __aexit__")
    async for page in Pages(2):
        print("read", page)
    async for square in numbers(3):
        print("square", square)
    print([await double(i) for i in range(2)])
    print([s async for s in numbers(4) if s % 2 == 0])
    print({k: v async for k, v in pairs()})
    print(await legacy_sleep())
    agen = numbers(2)
    print(await agen.__anext__(), await agen.asend(None))
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        print("async generator done")
    return "main result"


async def pairs():
    for key in "ab":
        yield key, ord(key)


def drive(coro):
    reply = 0
    while True:
        try:
            yielded = coro.send(reply if reply else None)
        except StopIteration as stop:
            return stop.value
        print("yielded", yielded)
        reply += 1


async def errors():
    for awaited in (5, Bad(), "text"):
        try:
            await awaited
        except TypeError as e:
            print("TypeError:", e)
    try:
        async with object():
            pass
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
    try:
        async for _ in [1, 2]:
            pass
    except TypeError as e:
        print("TypeError:", e)


class Bad:
    def __await__(self):
        return 42


print(drive(main()))
drive(errors())
c = double(3)
print(type(c).__name__, inspect.iscoroutine(c), inspect.isawaitable(Tick(1)))
print(inspect.iscoroutinefunction(double), inspect.isasyncgenfunction(numbers), inspect.isgeneratorfunction(double))
print(drive(c))
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
never = double(1)
del never
print("done")


class EnterOnly:
    def __enter__(self):
        return self


class AEnterOnly:
    async def __aenter__(self):
        return self


async def protocol_errors():
    for manager in (object(), EnterOnly()):
        try:
            with manager:
                pass
        except (AttributeError, TypeError) as e:
            print(type(e).__name__, e)
    try:
        async with AEnterOnly():
            pass
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)


drive(protocol_errors())
