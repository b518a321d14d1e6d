# Modelled on Barrier examples with an action run once per round.
import threading
import time

rounds = []

def on_round():
    rounds.append(len(rounds))
    print("round complete", len(rounds))

barrier = threading.Barrier(3, action=on_round, timeout=2)

def runner(i):
    for r in range(2):
        time.sleep(0.05 * (i + 1))
        idx = barrier.wait()
        if idx == 0:
            print("round", r, "last arrival was", threading.current_thread().name)

ts = [threading.Thread(target=runner, args=(i,), name="r%d" % i) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(rounds, barrier.broken, barrier.n_waiting, barrier.parties)
