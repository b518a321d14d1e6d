# How often does an unlocked counter lose updates? Two threads add and subtract 1 four hundred
# thousand times each; the last line says whether the total came back to 0. Under 3.9 a
# switch can fall between a thread's read of `total` and its write, and whether one does
# depends on where the GIL changes hands: with timing noise that varies from seed to seed.
# (CPython 3.9 here lost updates in 20 of 20 runs; gilsim over 20 seeds did in 15 until a
# started thread took the OS's 40 us to exist, in 20 since.) The distribution over 20 seeds is
# pinned beside this file (lost_update_odds.outcomes); `gilsim check --update` rewrites it.
# gilsim: expect-outcomes=lost_update_odds.outcomes runs=20 python=3.9
import threading

total = 0


def change(step):
    global total
    for _ in range(400000):
        total += step


workers = [threading.Thread(target=change, args=(step,)) for step in (1, -1)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("total", total)
print("updates were lost" if total else "no update lost")
