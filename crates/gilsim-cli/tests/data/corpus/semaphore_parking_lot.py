# Modelled on the classic "parking lot" BoundedSemaphore demonstration.
import threading
import time

spots = threading.BoundedSemaphore(2)
lock = threading.Lock()
events = []


def car(n, arrive, stay):
    time.sleep(arrive)
    with lock:
        events.append((round(arrive, 2), "car%d arrives" % n))
    with spots:
        start = time.monotonic()
        with lock:
            events.append((n, "car%d parks" % n))
        time.sleep(stay)
    with lock:
        events.append((n, "car%d leaves" % n))


schedule = [(1, 0.0, 0.6), (2, 0.1, 0.2), (3, 0.2, 0.2), (4, 0.4, 0.05)]
threads = [threading.Thread(target=car, args=s) for s in schedule]
for t in threads:
    t.start()
for t in threads:
    t.join()
for _, e in events:
    print(e)
try:
    spots.release()
except ValueError as e:
    print("ValueError:", e)
