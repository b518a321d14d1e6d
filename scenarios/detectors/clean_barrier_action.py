# gilsim: expect=ok policy=preemptive runs=100
# Looks dangerous, is correct: in each round every worker writes its own partial result,
# and the Barrier's action (run by one thread while the others wait) adds them to a shared
# total. The barrier orders the partial writes before the action and the action before the
# next round.
import threading

partials = [0, 0, 0]
summary = {"total": 0, "rounds": 0}


def combine():
    summary["total"] += sum(partials)
    summary["rounds"] += 1


barrier = threading.Barrier(3, action=combine)


def worker(slot):
    for round_number in range(4):
        partials[slot] = (slot + 1) * (round_number + 1)
        barrier.wait()


threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("total:", summary["total"], "rounds:", summary["rounds"])
