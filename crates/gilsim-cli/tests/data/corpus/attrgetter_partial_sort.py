# Modelled on public examples sorting worker results with operator.attrgetter and functools.partial.
import functools
import operator
import threading


class Result:
    def __init__(self, worker, score, time):
        self.worker, self.score, self.time = worker, score, time

    def __repr__(self):
        return f"Result({self.worker!r}, {self.score}, {self.time})"


results = []
lock = threading.Lock()


def record(worker, score, time):
    with lock:
        results.append(Result(worker, score, time))


jobs = [functools.partial(record, w, s, t) for w, s, t in [("a", 3, 1.5), ("b", 5, 0.5), ("c", 3, 0.7)]]
threads = [threading.Thread(target=j) for j in jobs]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results, key=operator.attrgetter("score", "time")))
print(max(results, key=operator.attrgetter("score")).worker, functools.reduce(operator.add, (r.score for r in results)))
print(jobs[0].func.__name__, jobs[0].args, jobs[0].keywords)
