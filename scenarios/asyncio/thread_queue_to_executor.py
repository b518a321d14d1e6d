# gilsim: expect=ok
# A producer thread fills a queue.Queue; the event loop drains it through run_in_executor, and
# a threading.Event set by call_later releases an executor wait.

import asyncio
import threading
import queue


def blocking_producer(q, n):
    for i in range(n):
        q.put(i)
    q.put(None)


async def consume(q):
    loop = asyncio.get_running_loop()
    total = 0
    while True:
        item = await loop.run_in_executor(None, q.get)
        if item is None:
            break
        total += item
    return total


async def main():
    q = queue.Queue()
    t = threading.Thread(target=blocking_producer, args=(q, 10))
    t.start()
    total = await consume(q)
    t.join()
    print("total", total)
    ev = threading.Event()
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, ev.wait, 1.0)
    loop.call_later(0.2, ev.set)
    print("event waited:", await fut)


asyncio.run(main())
