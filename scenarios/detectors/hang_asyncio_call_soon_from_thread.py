# gilsim: expect=hang
# A worker thread hands a result to the event loop with `loop.call_soon`, which is not
# thread-safe: it queues the callback but does not wake the loop, which sleeps with no timer
# pending. CPython hangs here forever; `call_soon_threadsafe` is the fix.
import asyncio
import threading
import time


async def main():
    loop = asyncio.get_running_loop()
    result = loop.create_future()

    def worker():
        time.sleep(0.1)
        loop.call_soon(result.set_result, 42)

    threading.Thread(target=worker).start()
    print("answer:", await result)


asyncio.run(main())
