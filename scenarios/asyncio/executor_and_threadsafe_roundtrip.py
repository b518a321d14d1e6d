# gilsim: expect=ok
# CPU work in the default executor updates a list under a threading.Lock; an executor
# thread blocks on run_coroutine_threadsafe for a coroutine run by the loop awaiting it.

import asyncio
import threading
import time

results = []
lock = threading.Lock()


def cpu_task(n):
    total = 0
    for i in range(n):
        total += i
    with lock:
        results.append(n)
    return total


async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.run_in_executor(None, cpu_task, n) for n in (1000, 2000, 3000)]
    totals = await asyncio.gather(*futs)
    print(totals)
    print(sorted(results))

    def sync_work():
        time.sleep(0.05)
        return asyncio.run_coroutine_threadsafe(asyncio.sleep(0.01, result="from loop"), loop).result()

    print(await loop.run_in_executor(None, sync_work))


asyncio.run(main())
