# Modelled on asyncio docs on threads: run_in_executor, a future completed with call_soon_threadsafe, wait FIRST_COMPLETED, run_coroutine_threadsafe.
import asyncio
import threading
import time
import concurrent.futures


def blocking_io(x):
    time.sleep(0.01)
    return x * 10


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, blocking_io, i) for i in range(3)))
    print(results)
    fut = loop.create_future()

    def setter():
        time.sleep(0.01)
        loop.call_soon_threadsafe(fut.set_result, "from thread")

    threading.Thread(target=setter).start()
    print(await asyncio.wait_for(fut, timeout=1))

    async def ticker(n):
        await asyncio.sleep(0.001 * n)
        return n

    done, pending = await asyncio.wait([asyncio.ensure_future(ticker(n)) for n in (3, 1, 2)], return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    for t in pending:
        t.cancel()
    cf = asyncio.run_coroutine_threadsafe(ticker(0), loop)
    print(type(cf).__name__)
    await asyncio.sleep(0.01)
    print(cf.result())


asyncio.run(main())
