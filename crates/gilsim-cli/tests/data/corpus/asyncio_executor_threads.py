# Modelled on public asyncio examples that hand blocking calls to threads: run_in_executor, to_thread, call_soon_threadsafe, run_coroutine_threadsafe, wait_for.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

def blocking(n):
    time.sleep(0.01)
    return n * 2, threading.current_thread().name.startswith("asyncio") or threading.current_thread().name

async def main():
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, blocking, 3)
    print("executor", r[0])
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as ex:
        results = await asyncio.gather(*(loop.run_in_executor(ex, blocking, i) for i in range(3)))
    # Which worker takes the third task is a race (whichever wakes first), in CPython too.
    print([r for r, _ in results], sorted({name for _, name in results}))
    r2 = await asyncio.to_thread(blocking, 7)
    print("to_thread", r2[0])
    fut = loop.create_future()
    def from_thread():
        loop.call_soon_threadsafe(fut.set_result, "done from thread")
    threading.Thread(target=from_thread).start()
    print(await asyncio.wait_for(fut, timeout=1))
    async def ticker(name, n):
        for i in range(n):
            await asyncio.sleep(0.001)
        return name
    done = await asyncio.gather(ticker("a", 2), ticker("b", 1))
    print(done)
    cf = asyncio.run_coroutine_threadsafe(ticker("c", 1), loop)
    print(await asyncio.wrap_future(cf))
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.01)
    except asyncio.TimeoutError:
        print("timed out")

asyncio.run(main())
