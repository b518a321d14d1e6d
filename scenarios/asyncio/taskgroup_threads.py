# gilsim: expect=exception
# asyncio.TaskGroup (Python 3.11) over blocking work: each task hands a checksum job to a
# worker thread with asyncio.to_thread, and the thread updates a shared tally under a lock.
# The second round has jobs that fail: `except*` splits the group the
# TaskGroup raises by kind, and the part nobody handles ends the program with CPython's
# boxed "Exception Group Traceback".
import asyncio
import threading
import time

tally = {"jobs": 0, "bytes": 0}
tally_lock = threading.Lock()


def checksum(name, data):
    time.sleep(0.01 * len(data))
    with tally_lock:
        tally["jobs"] += 1
        tally["bytes"] += len(data)
    return sum(map(ord, data)) % 251


async def job(name, data):
    # Bad input fails at once, in the task; good input goes to a worker thread.
    if not data:
        raise ValueError(f"{name}: empty input")
    if data == "?":
        raise PermissionError(f"{name}: unreadable")
    if data.startswith("!"):
        raise KeyError(name)
    return await asyncio.to_thread(checksum, name, data)


async def run_jobs(jobs):
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(job(name, data)) for name, data in jobs]
    return [t.result() for t in tasks]


async def main():
    sums = await run_jobs([("a", "alpha"), ("b", "beta"), ("c", "gamma-ray")])
    print("checksums", sums, "tally", tally)
    try:
        await run_jobs([("d", "delta"), ("e", ""), ("f", "?"), ("g", "!bang")])
    except* ValueError as group:
        print("bad input:", [str(e) for e in group.exceptions])
    except* PermissionError as group:
        print("permissions:", [str(e) for e in group.exceptions])
    finally:
        print("tally", tally)


asyncio.run(main())
