# gilsim: expect=ok policy=preemptive runs=100
# Looks dangerous, is correct: main prepares a shared tally before starting the workers,
# each worker updates only its own slot, and main sums the tally only after joining them.
# Thread.start() orders main's writes before the workers'; join() orders the workers'
# writes before main's reads.
import threading

tally = [0, 0, 0]
config = {"step": 0}


def worker(slot):
    for _ in range(10):
        tally[slot] += config["step"]


config["step"] = 2
threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
config["step"] += 1
tally[0] += 1
print("sum:", sum(tally), "step:", config["step"])
