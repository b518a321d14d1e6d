# gilsim: expect=ok
# Blocking calls moved off the event loop: run_in_executor on the default executor and on a
# ThreadPoolExecutor of two, and asyncio.to_thread (3.9+).

import asyncio
import concurrent.futures
import threading
import time


def blocking_io(n):
    time.sleep(0.05 * n)
    return f"io {n} on a worker thread: {threading.current_thread().name != 'MainThread'}"


def cpu_bound(n):
    return sum(i * i for i in range(n))


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking_io, 1))
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, blocking_io, n) for n in (3, 1, 2)))
        print(results)
        print(await loop.run_in_executor(pool, cpu_bound, 1000))
    print(await asyncio.to_thread(blocking_io, 2))


asyncio.run(main())
print("threads left:", threading.active_count())
