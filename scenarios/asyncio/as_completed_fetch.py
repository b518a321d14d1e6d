# gilsim: expect=ok
# Three fetches finish in their own order: as_completed yields them as they end, gather keeps
# argument order (with return_exceptions, the error in its place; without, the first error).

import asyncio

DELAYS = {"a.example": 0.3, "b.example": 0.1, "c.example": 0.2}


async def fetch(site):
    await asyncio.sleep(DELAYS[site])
    if site == "c.example":
        raise ConnectionError(f"{site} refused")
    return f"{site}: {len(site)} bytes"


async def main():
    for coro in asyncio.as_completed([fetch(s) for s in DELAYS]):
        try:
            print(await coro)
        except ConnectionError as e:
            print("error:", e)
    results = await asyncio.gather(*(fetch(s) for s in DELAYS), return_exceptions=True)
    for r in results:
        print(repr(r))
    try:
        await asyncio.gather(*(fetch(s) for s in DELAYS))
    except ConnectionError as e:
        print("gather raised", type(e).__name__, e)


asyncio.run(main())
