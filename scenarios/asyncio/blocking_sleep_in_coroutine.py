# gilsim: expect=ok
# The classic asyncio mistake: time.sleep inside a coroutine blocks the whole event loop, so
# three of them take 0.3 s where three asyncio.sleep calls overlap in 0.1 s.

import asyncio
import time


async def blocking(i):
    time.sleep(0.1)
    return i


async def cooperative(i):
    await asyncio.sleep(0.1)
    return i


async def main():
    start = time.perf_counter()
    await asyncio.gather(*(blocking(i) for i in range(3)))
    print(f"blocking: {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    await asyncio.gather(*(cooperative(i) for i in range(3)))
    print(f"cooperative: {time.perf_counter() - start:.1f} s")


asyncio.run(main())
