# Modelled on a worker thread dispatching jobs with match statements, and sys facts printed.
import threading
import queue
import sys


class Job:
    __slots__ = ("id", "payload", "result")

    def __init__(self, id, payload):
        self.id = id
        self.payload = payload
        self.result = None

    def __repr__(self):
        return f"Job({self.id}, {self.payload!r}, result={self.result!r})"


def handler(job):
    match job.payload:
        case {"op": "add", "args": [a, b]}:
            return a + b
        case {"op": "upper", "text": str(t)}:
            return t.upper()
        case [x, *rest]:
            return len(rest) + x
        case _:
            raise ValueError(f"unknown payload {job.payload!r}")


inbox = queue.Queue()
done = []


def worker():
    while True:
        job = inbox.get()
        if job is None:
            break
        try:
            job.result = handler(job)
        except ValueError as e:
            job.result = f"error: {e}"
        done.append(job)


t = threading.Thread(target=worker)
t.start()
for i, p in enumerate([{"op": "add", "args": [2, 3]}, {"op": "upper", "text": "hi"}, [10, 1, 2], 42]):
    inbox.put(Job(i, p))
inbox.put(None)
t.join()
for j in sorted(done, key=lambda j: j.id):
    print(j)
print(sys.getrecursionlimit(), sys.maxsize, sys.byteorder, sys.platform)
print(sys.version_info[:2] >= (3, 8), sys.version_info.major, type(sys.argv), sys.argv[0].endswith(".py"))
print(sys.getsizeof([]) > 0, sys.intern("abc") == "abc", sys.float_info.max > 1e300)
