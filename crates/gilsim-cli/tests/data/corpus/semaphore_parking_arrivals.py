# Modelled on the classic "parking lot" semaphore exercise with cars arriving and leaving.
import threading
import time

spots = threading.Semaphore(2)
log = []
lock = threading.Lock()


def car(name, arrive, stay):
    time.sleep(arrive)
    with spots:
        with lock:
            log.append(f"{name} parks")
        time.sleep(stay)
        with lock:
            log.append(f"{name} leaves")


cars = [("A", 0.0, 0.3), ("B", 0.05, 0.1), ("C", 0.1, 0.1), ("D", 0.15, 0.05)]
ts = [threading.Thread(target=car, args=c) for c in cars]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("\n".join(log))
