# gilsim: expect=ok
# asyncio.wait_for's tracebacks as each release prints them: a timeout (the cancelled
# task's CancelledError as its cause from 3.9, in the context of the coroutine's own in 3.9
# and 3.10; 3.12's timeout block and timeouts.py's exit), a timeout of 0, a coroutine that
# fails before the timeout, one awaited with no timeout, an `asyncio.timeout` block (3.11+), and a cancelled
# task awaited; tasks are named in the order CPython makes them (3.12's wait_for makes none).
import asyncio
import sys
import traceback


async def slow():
    await asyncio.sleep(1)


async def broken():
    await asyncio.sleep(0.01)
    raise KeyError("missing")


def show(title):
    print("--", title)
    traceback.print_exc(file=sys.stdout)


async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.01)
    except asyncio.TimeoutError:
        show("timeout")
    try:
        await asyncio.wait_for(slow(), timeout=0)
    except asyncio.TimeoutError:
        show("no time at all")
    try:
        await asyncio.wait_for(broken(), timeout=5)
    except KeyError:
        show("failed before the timeout")
    try:
        await asyncio.wait_for(broken(), timeout=None)
    except KeyError:
        show("no timeout")
    if hasattr(asyncio, "timeout"):
        try:
            async with asyncio.timeout(0.01):
                await asyncio.sleep(1)
        except TimeoutError:
            show("timeout block")
    task = asyncio.ensure_future(slow())
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        show("cancelled task")
    later = asyncio.ensure_future(slow())
    print("next task", later.get_name() if hasattr(later, "get_name") else "unnamed")
    later.cancel()


asyncio.run(main())
