# Modelled on asyncio tutorials: gather with return_exceptions, wait_for, Queue workers, Semaphore.
import asyncio
import time


async def fetch(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ConnectionError(f"{name} unreachable")
    return f"{name}:{delay}"


async def worker(name, queue, results):
    while True:
        item = await queue.get()
        try:
            await asyncio.sleep(item / 100)
            results.append((name, item))
        finally:
            queue.task_done()


async def main():
    start = time.perf_counter()
    r = await asyncio.gather(fetch("a", 0.02), fetch("b", 0.01), fetch("c", 0.03, fail=True), return_exceptions=True)
    print(r)
    print(round(time.perf_counter() - start, 2))
    try:
        await asyncio.wait_for(fetch("slow", 1), timeout=0.05)
    except asyncio.TimeoutError:
        print("timed out")
    q = asyncio.Queue()
    results = []
    tasks = [asyncio.create_task(worker(f"w{i}", q, results)) for i in range(3)]
    for item in [5, 1, 3, 2, 4]:
        q.put_nowait(item)
    await q.join()
    for t in tasks:
        t.cancel()
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print(sorted(results, key=lambda r: r[1]), [type(x).__name__ for x in res])
    sem = asyncio.Semaphore(2)
    order = []

    async def limited(i):
        async with sem:
            order.append(("in", i))
            await asyncio.sleep(0.01)
            order.append(("out", i))

    await asyncio.gather(*(limited(i) for i in range(4)))
    print(order)
    done, pending = await asyncio.wait([asyncio.create_task(fetch(n, d)) for n, d in [("x", 0.01), ("y", 0.5)]],
                                       return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [t.result() for t in done])
    for p in pending:
        p.cancel()
    ev = asyncio.Event()
    asyncio.get_running_loop().call_later(0.01, ev.set)
    await ev.wait()
    print("event set", ev.is_set())
    t = asyncio.create_task(fetch("named", 0), name="my-task")
    print(t.get_name(), await t, t.done())


asyncio.run(main())
