# Modelled on Semaphore examples that record how many workers were inside at once.
import threading
import time

pool = threading.Semaphore(2)
active = []
peak = [0]
guard = threading.Lock()
log = []


def use(name):
    with pool:
        with guard:
            active.append(name)
            peak[0] = max(peak[0], len(active))
            log.append(f"{name} in ({len(active)})")
        time.sleep(0.01)
        with guard:
            active.remove(name)
            log.append(f"{name} out")


workers = [threading.Thread(target=use, args=(f"w{i}",), name=f"worker-{i}") for i in range(5)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("peak", peak[0])
print(len(log), log[:2])
print(sorted(w.name for w in workers))
print(pool._value if hasattr(pool, "_value") else "?")
