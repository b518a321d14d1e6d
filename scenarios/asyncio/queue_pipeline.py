# gilsim: expect=ok
# A three-stage pipeline of asyncio queues (one bounded), then PriorityQueue, LifoQueue,
# QueueEmpty, QueueFull and a queue's repr.

import asyncio


async def stage1(n, out):
    for i in range(n):
        await out.put(i)
        await asyncio.sleep(0.01)
    await out.put(None)


async def stage2(inp, out):
    while True:
        item = await inp.get()
        if item is None:
            break
        await out.put(item ** 2)
    await out.put(None)


async def stage3(inp):
    results = []
    while True:
        item = await inp.get()
        if item is None:
            return results
        results.append(item)


async def main():
    q1, q2 = asyncio.Queue(), asyncio.Queue(maxsize=1)
    _, _, results = await asyncio.gather(stage1(5, q1), stage2(q1, q2), stage3(q2))
    print(results)
    pq = asyncio.PriorityQueue()
    for p in (3, 1, 2):
        pq.put_nowait((p, f"job{p}"))
    print([pq.get_nowait() for _ in range(3)])
    try:
        pq.get_nowait()
    except asyncio.QueueEmpty:
        print("empty")
    lq = asyncio.LifoQueue(maxsize=2)
    lq.put_nowait(1)
    lq.put_nowait(2)
    try:
        lq.put_nowait(3)
    except asyncio.QueueFull:
        print("full", lq.qsize(), lq.full())
    print(lq)


asyncio.run(main())
