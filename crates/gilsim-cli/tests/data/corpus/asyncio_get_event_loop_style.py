# Modelled on pre-3.7 asyncio code: get_event_loop, run_until_complete, create_task.
import asyncio


async def hello(n):
    await asyncio.sleep(0.01)
    return n * 2


loop = asyncio.get_event_loop()
print(loop.run_until_complete(hello(2)))
tasks = [loop.create_task(hello(i)) for i in range(3)]
print(loop.run_until_complete(asyncio.gather(*tasks)))
loop.close()
print(loop.is_closed())
new = asyncio.new_event_loop()
asyncio.set_event_loop(new)
print(new.run_until_complete(asyncio.wait_for(hello(5), 1)))
new.close()
