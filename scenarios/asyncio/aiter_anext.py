# gilsim: expect=ok
# aiter() and anext() (3.10+): an async generator and an async iterator class stepped by hand,
# anext's default once exhausted, StopAsyncIteration without one, and CPython's TypeErrors.
import sys
import asyncio
async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
class Counter:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2:
            raise StopAsyncIteration
        return self.i
async def main():
    if sys.version_info < (3, 10):
        print("aiter and anext are new in 3.10")
        return
    it = aiter(agen(3))
    print(await anext(it), await anext(it), await anext(it), await anext(it, "done"))
    c = aiter(Counter())
    print(await anext(c), await anext(c), await anext(c, None))
    try:
        await anext(c)
    except StopAsyncIteration:
        print("stop")
    for bad in (1, [1]):
        try:
            aiter(bad)
        except TypeError as e:
            print(e)
        try:
            anext(bad)
        except TypeError as e:
            print(e)
asyncio.run(main())
