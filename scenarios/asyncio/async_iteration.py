# gilsim: expect=ok
# Async generators, an object with __aiter__/__anext__, async comprehensions, `await` inside a
# dict comprehension and an async context manager that swallows a KeyError.

import asyncio


async def ticks(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i


class Countdown:
    def __init__(self, start):
        self.current = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0.01)
        self.current -= 1
        return self.current + 1


class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0.01)
        print("open", self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.01)
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError


class Deferred:
    # __aenter__/__aexit__ as plain methods returning futures: awaited all the same.
    def __aenter__(self):
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        loop.call_later(0.01, fut.set_result, "deferred value")
        return fut

    def __aexit__(self, *exc_info):
        fut = asyncio.get_running_loop().create_future()
        fut.set_result(None)
        print("deferred exit")
        return fut


async def square(x):
    await asyncio.sleep(0.001)
    return x * x


async def main():
    async for i in ticks(3, 0.01):
        print("tick", i)
    print([n async for n in Countdown(4)])
    print({i: await square(i) for i in range(4)})
    print([x async for x in ticks(5, 0) if x % 2 == 0])
    async with Connection("db") as conn:
        print("using", conn.name)
    async with Connection("cache"):
        raise KeyError("swallowed")
    async with Deferred() as value:
        print(value)
    for i in range(3):
        async with Deferred():
            if i == 0:
                continue
            break
    squares = (x * x async for x in ticks(4, 0))
    print(type(squares).__name__, [s async for s in squares])
    async for even in (x async for x in ticks(5, 0) if x % 2 == 0):
        print("even", even)
    gen = ticks(2, 0)
    print(await gen.__anext__(), await gen.__anext__())
    try:
        await gen.__anext__()
    except StopAsyncIteration:
        print("exhausted")


asyncio.run(main())
