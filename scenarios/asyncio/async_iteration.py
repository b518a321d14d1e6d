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
    gen = ticks(2, 0)
    print(await gen.__anext__(), await gen.__anext__())
    try:
        await gen.__anext__()
    except StopAsyncIteration:
        print("exhausted")


asyncio.run(main())
