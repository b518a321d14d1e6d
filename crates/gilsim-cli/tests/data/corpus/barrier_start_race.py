# Modelled on examples that line threads up at a Barrier before a timed race.
import threading
import time

barrier = threading.Barrier(4)
finish = {}
lock = threading.Lock()


def runner(name, speed):
    barrier.wait()
    start = time.perf_counter()
    time.sleep(0.1 / speed)
    with lock:
        finish[name] = round(time.perf_counter() - start, 2)


ts = [threading.Thread(target=runner, args=(n, s)) for n, s in [("tortoise", 1), ("hare", 4), ("dog", 2)]]
for t in ts:
    t.start()
barrier.wait()
for t in ts:
    t.join()
ranking = sorted(finish, key=finish.get)
print(ranking, [finish[n] for n in ranking])
