# Modelled on public examples that return typing.NamedTuple records from worker threads.
import threading
from typing import NamedTuple, List


class Result(NamedTuple):
    worker: str
    total: int
    items: int = 0


results: List[Result] = []
lock = threading.Lock()


def work(name, numbers):
    r = Result(name, sum(numbers), len(numbers))
    with lock:
        results.append(r)


data = {"a": [1, 2, 3], "b": [10, 20], "c": []}
threads = [threading.Thread(target=work, args=(k, v)) for k, v in data.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()
for r in sorted(results):
    print(r)
best = max(results, key=lambda r: r.total)
print(best.worker, best._asdict(), best._replace(items=99))
print(Result._fields, Result("z", 1))
