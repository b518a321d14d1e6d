# Modelled on asyncio examples that move blocking calls to threads (run_in_executor, to_thread).
import asyncio
import threading
import time


def blocking_io(n):
    time.sleep(0.01 * n)
    return f"io {n} done in {threading.current_thread() is threading.main_thread()}"


async def main():
    loop = asyncio.get_running_loop()
    r1 = await loop.run_in_executor(None, blocking_io, 1)
    print(r1)
    results = await asyncio.gather(*(asyncio.to_thread(blocking_io, i) for i in range(3)))
    for r in results:
        print(r)


asyncio.run(main())
print("finished")
