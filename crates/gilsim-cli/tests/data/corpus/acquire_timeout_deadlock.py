# Modelled on deadlock-avoidance tutorials: acquire(timeout=...) and back off.
import threading
import time

lock_a = threading.Lock()
lock_b = threading.Lock()
log = []


def worker(name, first, second, delay):
    for attempt in range(5):
        with first:
            time.sleep(delay)
            if second.acquire(timeout=0.05):
                try:
                    log.append((name, attempt))
                    return
                finally:
                    second.release()
        time.sleep(0.01 * (attempt + 1) * (2 if name == "t1" else 3))
    log.append((name, "gave up"))


t1 = threading.Thread(target=worker, args=("t1", lock_a, lock_b, 0.02))
t2 = threading.Thread(target=worker, args=("t2", lock_b, lock_a, 0.02))
t1.start()
t2.start()
t1.join()
t2.join()
print(sorted(name for name, _ in log), len(log))
print(lock_a.locked(), lock_b.locked())
