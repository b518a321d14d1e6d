# gilsim: expect=exception
# An exception escaping the coroutine given to asyncio.run: the traceback passes through the
# runner's frames in CPython's asyncio (runners.py's run, from 3.11 its Runner's run, and
# base_events.py's run_until_complete) before the coroutines' own. Workers ran in threads
# first; their results are printed before the failure.
import asyncio
import threading


def blocking(n):
    return n * n, threading.current_thread() is threading.main_thread()


async def check(results):
    await asyncio.sleep(0)
    if len(results) != 4:
        raise ValueError("expected 4 results, got %d" % len(results))


async def main():
    loop = asyncio.get_event_loop()
    results = await asyncio.gather(*(loop.run_in_executor(None, blocking, n) for n in range(3)))
    print(results)
    await check(results)


asyncio.run(main())
