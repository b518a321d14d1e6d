# gilsim: expect=ok
# A lost update without threads: five withdrawals read the balance, await, then write it back.
# asyncio.Lock makes each read-modify-write whole; a Semaphore(2) lets two jobs run at a time.

import asyncio

balance = 100


async def withdraw(amount, lock=None):
    global balance
    if lock:
        async with lock:
            current = balance
            await asyncio.sleep(0.01)
            balance = current - amount
    else:
        current = balance
        await asyncio.sleep(0.01)
        balance = current - amount


async def main():
    global balance
    await asyncio.gather(*(withdraw(10) for _ in range(5)))
    print("without a lock:", balance)
    balance = 100
    lock = asyncio.Lock()
    await asyncio.gather(*(withdraw(10, lock) for _ in range(5)))
    print("with a lock:", balance)
    sem = asyncio.Semaphore(2)
    active = []

    async def limited(i):
        async with sem:
            active.append(i)
            print(f"job {i} starts, {len(active)} running")
            await asyncio.sleep(0.05)
            active.remove(i)

    await asyncio.gather(*(limited(i) for i in range(5)))
    print("semaphore locked at the end:", sem.locked())


asyncio.run(main())
