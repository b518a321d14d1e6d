# gilsim: expect=ok
# The pre-3.7 idiom: a loop made and set by hand, run_until_complete, ensure_future and
# asyncio.wait, call_soon and call_later.

import asyncio


async def compute(x, y):
    print(f"Compute {x} + {y} ...")
    await asyncio.sleep(0.1)
    return x + y


async def print_sum(x, y):
    result = await compute(x, y)
    print(f"{x} + {y} = {result}")


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(print_sum(1, 2))
tasks = [asyncio.ensure_future(print_sum(i, i)) for i in range(3)]
loop.run_until_complete(asyncio.wait(tasks))
loop.call_later(0.05, print, "called later")
loop.call_soon(print, "called soon")
loop.run_until_complete(asyncio.sleep(0.1))
print("time advanced:", loop.time() > 0)
loop.close()
