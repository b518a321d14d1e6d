# gilsim: expect=ok
# asyncio.Runner (3.11+): one loop for several run() calls, a run in a given context, and
# the loop closed with the `with` block.

import asyncio
import contextvars
import sys

if sys.version_info < (3, 11):
    sys.exit("asyncio.Runner is new in Python 3.11")

var = contextvars.ContextVar("var", default="unset")


async def step(n):
    await asyncio.sleep(0.01)
    return n * 2


async def show():
    return var.get()


with asyncio.Runner() as runner:
    print(runner.run(step(1)))
    print(runner.run(step(2)))
    loop = runner.get_loop()
    print(loop.is_closed())
    ctx = contextvars.copy_context()
    ctx.run(var.set, "in ctx")
    print(runner.run(show(), context=ctx))
print(loop.is_closed())
late = step(3)
try:
    runner.run(late)
except RuntimeError as e:
    print("RuntimeError:", e)
late.close()
