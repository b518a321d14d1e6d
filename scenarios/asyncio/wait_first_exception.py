# gilsim: expect=ok
# Five named requests, one fails: wait(FIRST_EXCEPTION) returns when it does, the rest are
# cancelled and gathered with return_exceptions (CPython 3.9+ shows CancelledError('')).

import asyncio
import sys

if sys.version_info < (3, 8):
    sys.exit("task names and cancel messages are new in Python 3.8")
import random
import time

random.seed(7)


async def make_request(i):
    delay = random.randint(1, 5) / 10
    print(f"request {i} sleeping {delay}")
    await asyncio.sleep(delay)
    if i == 3:
        raise ValueError(f"request {i} failed")
    return i * 100


async def main():
    tasks = [asyncio.create_task(make_request(i), name=f"req-{i}") for i in range(5)]
    for t in tasks:
        print(t.get_name(), t.done())
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("done:", sorted(t.get_name() for t in done))
    print("pending:", sorted(t.get_name() for t in pending))
    for t in sorted(done, key=lambda t: t.get_name()):
        if t.exception():
            print(t.get_name(), "raised", repr(t.exception()))
        else:
            print(t.get_name(), "->", t.result())
    for t in pending:
        t.cancel()
    res = await asyncio.gather(*pending, return_exceptions=True)
    print(res)


start = time.perf_counter()
asyncio.run(main())
print("elapsed ok:", time.perf_counter() - start < 1)
