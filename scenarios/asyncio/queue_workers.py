# gilsim: expect=ok
# Producers and consumers around a bounded asyncio.Queue: put waits while it is full,
# join() waits for every task_done(), then the consumers are cancelled.

import asyncio
import random


async def producer(queue, name, count):
    for i in range(count):
        item = f"{name}-{i}"
        await queue.put(item)
        print(f"{name} put {item} (size {queue.qsize()})")
        await asyncio.sleep(0.013 * (i + 1) + (0.006 if name == "q" else 0))


async def consumer(queue, name, done):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.03)
        done.append((name, item))
        print(f"{name} handled {item}")
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    done = []
    consumers = [asyncio.create_task(consumer(queue, f"c{i}", done)) for i in range(2)]
    await asyncio.gather(producer(queue, "p", 4), producer(queue, "q", 3))
    await queue.join()
    for c in consumers:
        c.cancel()
    results = await asyncio.gather(*consumers, return_exceptions=True)
    print([type(r).__name__ for r in results])
    print(len(done), "items handled;", sorted(item for _, item in done))


asyncio.run(main())
