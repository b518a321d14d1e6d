# gilsim: expect=ok
# An asyncio.Lock around a read-await-write keeps 100 deposits whole; the reprs and errors
# of the primitives (BoundedSemaphore over-release, releasing an unlocked Lock, task_done
# too often) and a Queue's str.

import asyncio

class Account:
    def __init__(self):
        self.balance = 0
        self.lock = asyncio.Lock()

    async def deposit(self, amount):
        async with self.lock:
            b = self.balance
            await asyncio.sleep(0)
            self.balance = b + amount


async def main():
    acct = Account()
    await asyncio.gather(*(acct.deposit(1) for _ in range(100)))
    print(acct.balance)
    print(acct.lock.locked(), repr(acct.lock).split(" [")[1])
    ev = asyncio.Event()
    print(repr(ev).split(" [")[1])
    sem = asyncio.BoundedSemaphore(1)
    await sem.acquire()
    sem.release()
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    q = asyncio.Queue()
    print(q, q.empty(), q.maxsize)
    for i in range(3):
        q.put_nowait(i)
    print(str(q))
    try:
        q.task_done()
        q.task_done()
        q.task_done()
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
