# gilsim: expect=ok
# Three threads each run their own event loop with asyncio.run at once; the main thread,
# which never set a loop, still gets one made by get_event_loop (3.12 adds a warning).

import asyncio
import sys
import threading

if sys.version_info < (3, 7):
    sys.exit("asyncio.run is new in Python 3.7")


async def work(name, n):
    total = 0
    for i in range(n):
        await asyncio.sleep(0.01)
        total += i
    return f"{name}: {total} in {threading.current_thread().name}"


results = []


def runner(name, n):
    results.append(asyncio.run(work(name, n)))


threads = [threading.Thread(target=runner, args=(f"t{i}", 3 + i), name=f"worker-{i}") for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
if sys.version_info < (3, 12):
    loop = asyncio.get_event_loop()
    print("the main thread still gets a loop made for it:", not loop.is_closed())
    loop.close()
