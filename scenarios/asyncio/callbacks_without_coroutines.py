# gilsim: expect=ok
# An event loop driven by callbacks alone: call_soon, call_later chains, stop() from a
# callback, a cancelled timer handle, and a closed loop's RuntimeError.

import asyncio
import time

stop_at = None


def tick(loop, n):
    print("tick", n)
    if n < 3:
        loop.call_later(0.1, tick, loop, n + 1)
    else:
        loop.stop()


loop = asyncio.new_event_loop()
loop.call_soon(tick, loop, 0)
t0 = loop.time()
loop.run_forever()
print("ran for about", round(loop.time() - t0, 1))
h = loop.call_later(0.5, print, "never")
h.cancel()
print(h.cancelled())
loop.run_until_complete(asyncio.sleep(0.01))
loop.close()
try:
    loop.run_until_complete(asyncio.Future(loop=loop))
except RuntimeError as e:
    print("RuntimeError:", e)
