# Benchmark case: two threads alternating through a Condition, 10^4 rounds.
import threading

cond = threading.Condition()
turn = [0]
ROUNDS = 10000


def player(me):
    for _ in range(ROUNDS):
        with cond:
            while turn[0] != me:
                cond.wait()
            turn[0] = 1 - me
            cond.notify()


threads = [threading.Thread(target=player, args=(i,)) for i in (0, 1)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(turn[0])
