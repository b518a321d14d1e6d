# Modelled on threading.Barrier examples with an action and the wait() index.
import threading
import time

rounds = []


def on_round():
    rounds.append(len(rounds) + 1)
    print("--- round", len(rounds), "complete ---")


barrier = threading.Barrier(3, action=on_round)


def runner(name, delay):
    for r in range(2):
        time.sleep(delay)
        idx = barrier.wait()
        if idx == 0:
            print("round", r + 1, "last arrival was", name)


threads = [threading.Thread(target=runner, args=(n, d), name=n) for n, d in (("A", 0.1), ("B", 0.2), ("C", 0.3))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("parties", barrier.parties, "waiting", barrier.n_waiting, "broken", barrier.broken)
