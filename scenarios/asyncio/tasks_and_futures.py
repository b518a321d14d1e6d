# gilsim: expect=ok
# Deeply nested awaits, the current task, ensure_future, a bare Future resolved by
# call_soon, sleep's result, and cancel() with a message (3.9+; 3.8 has none).

import asyncio
import sys

if sys.version_info < (3, 8):
    sys.exit("task names and cancel messages are new in Python 3.8")


async def nested(n):
    if n == 0:
        await asyncio.sleep(0)
        return 0
    return n + await nested(n - 1)


async def main():
    print(await nested(50))
    current = asyncio.current_task()
    print(current.get_name(), current.done())
    print(len(asyncio.all_tasks()))
    t = asyncio.ensure_future(nested(3))
    print(await t, t.result())
    f = asyncio.Future()
    asyncio.get_event_loop().call_soon(f.set_result, 99)
    print(await f)
    r = await asyncio.sleep(0.01, result="slept")
    print(r)
    cancelled = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    cancelled.cancel("stop now")
    try:
        await cancelled
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)


asyncio.run(main())
