# gilsim: expect=ok
# asyncio.Event releases every waiter at once; asyncio.Condition hands one item to one
# consumer per notify.

import asyncio


async def waiter(event, name):
    print(f"{name} waiting")
    await event.wait()
    print(f"{name} released")


async def consumer(cond, items, name):
    async with cond:
        await cond.wait_for(lambda: items)
        print(f"{name} got {items.pop(0)}")


async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0.1)
    print("setting the event")
    event.set()
    await asyncio.gather(*tasks)
    cond = asyncio.Condition()
    items = []
    consumers = [asyncio.create_task(consumer(cond, items, f"c{i}")) for i in range(2)]
    for item in ("x", "y"):
        await asyncio.sleep(0.05)
        async with cond:
            items.append(item)
            cond.notify()
    await asyncio.gather(*consumers)
    print("event set:", event.is_set())


asyncio.run(main())
