# gilsim: expect=ok policy=preemptive runs=100
# Looks dangerous, is correct: two workers take two locks in opposite orders, but the
# second lock is only tried with a timeout; on failure a worker releases what it holds,
# backs off for a random while and retries. Timed waits are never part of a deadlock, and
# the shared total is only touched with both locks held.
import random
import threading
import time

lock_a = threading.Lock()
lock_b = threading.Lock()
total = 0


def transfer(first, second, rounds):
    global total
    done = 0
    while done < rounds:
        with first:
            time.sleep(0.001)  # some work with the first lock held
            if second.acquire(timeout=0.001):
                total += 1
                done += 1
                second.release()
                continue
        time.sleep(random.random() * 0.004)  # back off, then try again


workers = [
    threading.Thread(target=transfer, args=(lock_a, lock_b, 20)),
    threading.Thread(target=transfer, args=(lock_b, lock_a, 20)),
]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("total:", total)
