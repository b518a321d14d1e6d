# gilsim: expect=ok
# A loop exception handler receives a task's never-retrieved exception and a failing
# callback; InvalidStateError; a coroutine never awaited.

import asyncio


async def fail_later():
    await asyncio.sleep(0.05)
    raise RuntimeError("worker crashed")


async def ok():
    await asyncio.sleep(0.1)
    return "fine"


def handler(loop, context):
    print("handler:", context["message"], type(context.get("exception")).__name__)


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    t = asyncio.create_task(fail_later())
    await asyncio.sleep(0.1)
    print("task done:", t.done())
    del t
    await asyncio.sleep(0)
    loop.call_soon(lambda: 1 / 0)
    await asyncio.sleep(0)
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "late value")
    print(await fut)
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    print(await ok())
    print(asyncio.iscoroutinefunction(ok), asyncio.iscoroutine(ok()))


asyncio.run(main())
