# Modelled on "thread-safe id generator with itertools.count" answers.
import itertools
import threading

_ids = itertools.count(1)
issued = []
issued_lock = threading.Lock()


def take(n):
    mine = [next(_ids) for _ in range(n)]
    with issued_lock:
        issued.extend(mine)


workers = [threading.Thread(target=take, args=(250,)) for _ in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("issued", len(issued), "unique", len(set(issued)))
print("min", min(issued), "max", max(issued))
print("next id", next(_ids))
