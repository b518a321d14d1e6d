# gilsim: expect=ok
# Timeouts: wait_for cancels what it waited on, shield keeps a task running past the timeout,
# wait() with a timeout splits done from pending.

import asyncio


async def slow_operation(seconds):
    try:
        await asyncio.sleep(seconds)
        return f"finished after {seconds}s"
    except asyncio.CancelledError:
        print(f"slow_operation({seconds}) was cancelled")
        raise


async def main():
    print(await asyncio.wait_for(slow_operation(0.1), timeout=1.0))
    try:
        await asyncio.wait_for(slow_operation(2), timeout=0.2)
    except asyncio.TimeoutError:
        print("timed out waiting")
    task = asyncio.create_task(slow_operation(0.3))
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=0.1)
    except asyncio.TimeoutError:
        print("shielded task still running:", not task.done())
    print(await task)
    done, pending = await asyncio.wait(
        [asyncio.create_task(slow_operation(t)) for t in (0.05, 0.5)], timeout=0.2
    )
    print(len(done), "done,", len(pending), "pending")
    for t in pending:
        t.cancel()
    await asyncio.sleep(0)
    print([t.result() for t in done])


asyncio.run(main())
