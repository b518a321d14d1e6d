# Modelled on examples that return namedtuples from worker threads and aggregate them with
# Counter and set operations.
import collections
import threading

Result = collections.namedtuple("Result", ["worker", "status", "count"])
results = []
lock = threading.Lock()


def worker(n):
    status = "ok" if n % 3 else "retry"
    with lock:
        results.append(Result(n, status, n * 2))


threads = [threading.Thread(target=worker, args=(i,)) for i in range(7)]
for t in threads:
    t.start()
for t in threads:
    t.join()
statuses = collections.Counter(r.status for r in results)
print(statuses.most_common(), sorted(results)[0])
unique = set(Result(r.worker % 2, r.status, 0) for r in results)
print(len(unique), Result(0, "retry", 0) in unique, sorted(unique)[-1]._asdict())
