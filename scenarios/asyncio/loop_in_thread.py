# gilsim: expect=ok
# An event loop running forever in a daemon thread; the main thread submits coroutines with
# run_coroutine_threadsafe and callbacks with call_soon_threadsafe, then stops and closes it.

import asyncio
import threading


def start_background_loop(loop):
    asyncio.set_event_loop(loop)
    loop.run_forever()


async def fetch(n):
    await asyncio.sleep(0.02 * n)
    return n * 10


loop = asyncio.new_event_loop()
worker = threading.Thread(target=start_background_loop, args=(loop,), daemon=True)
worker.start()

futures = [asyncio.run_coroutine_threadsafe(fetch(n), loop) for n in (3, 1, 2)]
print([f.result(timeout=5) for f in futures])

done = threading.Event()
loop.call_soon_threadsafe(lambda: (print("callback ran in the loop thread"), done.set()))
done.wait()
loop.call_soon_threadsafe(loop.stop)
worker.join()
print("loop running:", loop.is_running())
loop.close()
print("closed:", loop.is_closed())
