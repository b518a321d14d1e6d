# Modelled on pickle tutorials: worker threads pickling dataclass results, a stream of pickles in a BytesIO, a picklability check before sending.
import io
import pickle
import threading
from dataclasses import dataclass


@dataclass
class Result:
    worker: int
    values: list


results = []
lock = threading.Lock()


def work(n):
    r = Result(n, [n * i for i in range(3)])
    blob = pickle.dumps(r)
    with lock:
        results.append(blob)


threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
restored = sorted((pickle.loads(b) for b in results), key=lambda r: r.worker)
print(restored)
print(sorted(len(b) for b in results))
buf = io.BytesIO()
for r in restored:
    pickle.dump(r, buf, protocol=2)
buf.seek(0)
while True:
    try:
        print(pickle.load(buf))
    except EOFError:
        break


def can_send(obj):
    try:
        pickle.dumps(obj)
        return True
    except (pickle.PicklingError, TypeError, AttributeError) as e:
        print("cannot send:", type(e).__name__, str(e).split(" at ")[0])
        return False


print([can_send(x) for x in (1, [threading.Lock()], lambda: 1, Result(9, []))])
