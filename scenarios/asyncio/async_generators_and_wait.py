# gilsim: expect=ok
# Breaking out of an async for and aclose() run the async generator's finally; wait() with
# FIRST_COMPLETED in a loop; gather without return_exceptions raises the first error while
# the other awaitables go on.

import asyncio


async def ticker(n):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(0.01)
    finally:
        print("ticker cleanup")


async def take(agen, k):
    out = []
    async for x in agen:
        out.append(x)
        if len(out) == k:
            break
    await agen.aclose()
    return out


async def first_done_loop():
    pending = {asyncio.ensure_future(asyncio.sleep(d, result=d)) for d in (0.03, 0.01, 0.02)}
    order = []
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        order.extend(sorted(t.result() for t in done))
    return order


async def main():
    print(await take(ticker(10), 3))
    print(await first_done_loop())
    try:
        await asyncio.gather(asyncio.sleep(0.01), asyncio.sleep(0.02, result=1 / 1), bad())
    except ZeroDivisionError as e:
        print("gather:", e)
    await asyncio.sleep(0.05)
    print("still alive")


async def bad():
    await asyncio.sleep(0.005)
    return 1 / 0


asyncio.run(main())
