# gilsim: expect=ok
# asyncio.Barrier (3.11+): three runners arriving at different times pass together (the last
# to arrive gets index 2); abort() breaks a waiter and later waits; reset(); a Barrier(1).

import asyncio
import sys

if sys.version_info < (3, 11):
    sys.exit("asyncio.Barrier is new in Python 3.11")


async def runner(barrier, name, delay, log):
    await asyncio.sleep(delay)
    log.append(f"{name} arrives")
    index = await barrier.wait()
    log.append(f"{name} passes as {index}")
    return index


def state(barrier):
    return "[" + repr(barrier).split(" [")[1]


async def main():
    barrier = asyncio.Barrier(3)
    print(state(barrier))
    log = []
    indexes = await asyncio.gather(*(runner(barrier, f"r{i}", 0.01 * (3 - i), log) for i in range(3)))
    print(sorted(indexes))
    print("\n".join(log))
    print(state(barrier))
    waiter = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0.01)
    print(barrier.n_waiting, state(barrier))
    await barrier.abort()
    try:
        await waiter
    except asyncio.BrokenBarrierError as e:
        print(type(e).__name__, e, barrier.broken)
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("again:", e)
    await barrier.reset()
    print(state(barrier))
    alone = asyncio.Barrier(1)
    async with alone as index:
        print("alone passes as", index, state(alone))


asyncio.run(asyncio.wait_for(main(), 5))
