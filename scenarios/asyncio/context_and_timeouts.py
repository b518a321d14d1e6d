# gilsim: expect=ok
# Each task runs in a copy of the context it was created in, so a ContextVar set by one
# request handler is not seen by the others (PEP 567); from 3.11, asyncio.timeout and
# timeout_at turn the cancellation of a block that overruns into TimeoutError.

import asyncio
import contextvars
import sys

request_id = contextvars.ContextVar("request_id", default="-")


async def log(msg):
    print(f"[{request_id.get()}] {msg}")


async def handle(n):
    request_id.set(f"req-{n}")
    await asyncio.sleep(0.01 * (3 - n))
    await log("processing")
    return request_id.get()


async def slow():
    await asyncio.sleep(1)
    return "slow"


async def timeouts():
    try:
        async with asyncio.timeout(0.1) as cm:
            await slow()
    except TimeoutError:
        print("timed out; expired:", cm.expired())
    async with asyncio.timeout(1) as cm:
        print(await asyncio.sleep(0.01, result="quick"))
    print("expired:", cm.expired())
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.05):
            await asyncio.sleep(0.2)
    except TimeoutError as e:
        print("timeout_at:", type(e).__name__)


async def main():
    request_id.set("main")
    print(await asyncio.gather(*(handle(n) for n in range(3))))
    await log("after gather")
    task = asyncio.get_running_loop().create_task(log("a task made with the loop"))
    await task
    if sys.version_info >= (3, 11):
        await timeouts()


asyncio.run(main())
