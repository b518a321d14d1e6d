# gilsim: expect=ok
# Three countdowns interleave on one event loop; gather returns their results in argument
# order after about 1.2 s of (virtual) time. Their ticks are at least 0.1 s apart, and the
# fast countdown's last tick 0.3 s ahead of the next one (its sleeps add up their delays),
# so that CPython's own order (the differential test's oracle) holds on a loaded machine.

import asyncio
import time


async def countdown(name, n, delay):
    while n > 0:
        print(f"{name}: {n}")
        await asyncio.sleep(delay)
        n -= 1
    print(f"{name}: liftoff")
    return name.upper()


async def main():
    start = time.monotonic()
    results = await asyncio.gather(
        countdown("alpha", 3, 0.1),
        countdown("beta", 2, 0.6),
        countdown("gamma", 1, 0.7),
    )
    elapsed = time.monotonic() - start
    print("results:", results)
    print(f"took about {round(elapsed, 1)} s")


asyncio.run(main())
