# Modelled on asyncio tutorials: an asyncio.Queue pipeline handing blocking work to asyncio.to_thread.
import asyncio
import threading
import time

def blocking(n):
    time.sleep(0.01)
    return n * 2, threading.current_thread() is threading.main_thread()

async def producer(q):
    for i in range(4):
        await q.put(i)
        await asyncio.sleep(0)
    await q.put(None)

async def consumer(q, out):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            break
        out.append(await asyncio.to_thread(blocking, item))

async def main():
    q = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q), consumer(q, out))
    print(out)
    lock = asyncio.Lock()
    async with lock:
        print("locked:", lock.locked())
    print("locked:", lock.locked())
    res = await asyncio.wait_for(asyncio.to_thread(blocking, 21), timeout=1)
    print(res)

asyncio.run(main())
