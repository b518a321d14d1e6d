# gilsim: expect=ok
# An async context manager around a Semaphore lets two workers in at a time; the loop's clock
# shows the waves 0.1 s apart.

import asyncio


class RateLimiter:
    def __init__(self, rate):
        self.rate = rate
        self.sem = asyncio.Semaphore(rate)

    async def __aenter__(self):
        await self.sem.acquire()
        return self

    async def __aexit__(self, *exc):
        await asyncio.sleep(0.1)
        self.sem.release()


async def worker(name, limiter, log):
    async with limiter:
        log.append(name)
        loop = asyncio.get_running_loop()
        print(f"{name} at {round(loop.time() - T0, 1)}")


async def main():
    global T0
    T0 = asyncio.get_running_loop().time()
    limiter = RateLimiter(2)
    log = []
    await asyncio.gather(*[worker(f"w{i}", limiter, log) for i in range(6)])
    print(log)


T0 = 0
asyncio.run(main())
