# gilsim: expect=ok
# Cancelling tasks: CancelledError arrives at the `await` a task is parked in, its `finally`
# runs, and the awaiting task sees the cancellation; the repr of a cancelled task.

import asyncio


async def ticker(name, period):
    count = 0
    try:
        while True:
            await asyncio.sleep(period)
            count += 1
            print(f"{name} tick {count}")
    except asyncio.CancelledError:
        print(f"{name} cancelled after {count} ticks")
        raise
    finally:
        print(f"{name} cleanup")


async def main():
    task = asyncio.create_task(ticker("fast", 0.1))
    other = asyncio.create_task(ticker("slow", 0.23))
    await asyncio.sleep(0.55)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main saw the cancellation:", task.cancelled())
    print("other done?", other.done())
    other.cancel()
    await asyncio.sleep(0)
    print("other cancelled:", other.cancelled())
    print(task)


asyncio.run(main())
