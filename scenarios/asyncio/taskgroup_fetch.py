# gilsim: expect=ok
# asyncio.TaskGroup (Python 3.11): a crawler fetches pages concurrently in a task group;
# every result is ready when the `async with` block ends. When one fetch fails, the group
# cancels its siblings and the block raises an ExceptionGroup, which the caller takes apart.
# Before 3.11 asyncio has no TaskGroup: the program stops where CPython's does.
import asyncio

PAGES = {"/": 0.03, "/about": 0.01, "/blog": 0.05, "/contact": 0.02}


async def fetch(path):
    delay = PAGES[path]
    await asyncio.sleep(delay)
    if path == "/missing":
        raise LookupError(f"404 for {path}")
    return f"<html>{path} after {int(delay * 1000)} ms</html>"


async def fetch_slow(path, log):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append(f"{path} cancelled")
        raise
    return path


async def crawl():
    async with asyncio.TaskGroup() as group:
        tasks = {path: group.create_task(fetch(path), name=f"fetch {path}") for path in PAGES}
        print("started", len(tasks), "fetches;", repr(group))
    for path, task in tasks.items():
        print(f"{path:9} {task.get_name():15} {task.result()}")
    print("after the block:", repr(group))


async def crawl_with_failure():
    PAGES["/missing"] = 0.04
    log = []
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fetch("/about"))
            slow = group.create_task(fetch_slow("/archive", log))
            group.create_task(fetch("/missing"))
            await asyncio.sleep(10)
            print("not reached: the failure cancels the block")
    except ExceptionGroup as eg:
        print("caught:", eg)
        for exc in eg.exceptions:
            print("  ", type(exc).__name__, exc)
        print("slow task cancelled:", slow.cancelled(), log)
    late = asyncio.sleep(0)
    try:
        group.create_task(late)
    except RuntimeError as e:
        late.close()
        print("late create_task:", str(e).replace(repr(group), "<group>"))


async def main():
    await crawl()
    await crawl_with_failure()
    async with asyncio.TaskGroup() as group:
        pass
    print("empty group ok")


asyncio.run(main())
