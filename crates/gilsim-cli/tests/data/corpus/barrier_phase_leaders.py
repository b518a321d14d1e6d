# Modelled on public Barrier examples: workers run phases in lockstep, the action runs once per phase.
import threading

phases = []
barrier = threading.Barrier(3, action=lambda: phases.append(len(phases)))
log = []
lock = threading.Lock()


def worker(n):
    for phase in range(3):
        with lock:
            log.append((phase, n))
        idx = barrier.wait()
        if idx == 0:
            with lock:
                log.append((phase, "leader"))


ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(phases, barrier.parties, barrier.n_waiting, barrier.broken)
print([entry for entry in log if entry[1] == "leader"])
print(sorted(e for e in log if e[1] != "leader"))
