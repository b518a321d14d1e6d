# gilsim: expect=ok
# A small task framework validates its handlers' signatures with typing.get_type_hints before
# starting a worker thread per handler: string (forward) annotations resolved in the module's
# globals, None hinted as NoneType, class hints merged along the MRO, and (before 3.11) a
# parameter that defaults to None hinted as Optional. The module's namespace is reached as
# handlers' __globals__ and as sys.modules[__name__].__dict__.
import sys
import threading
from typing import Dict, List, Optional, get_type_hints


class Job:
    def __init__(self, name: str, after: "Optional[Job]" = None) -> None:
        self.name = name
        self.after = after

    def chain(self, other: "Job") -> "List[Job]":
        return [self, other]


class Settings:
    retries: int
    label: "str"


class WorkerSettings(Settings):
    limits: "Dict[str, List[int]]"
    callback: None


def handle(job: "Job", attempts: int = None, *, verbose: "bool" = None) -> "Optional[str]":
    return "%s x%s" % (job.name, attempts or 1)


results = []
lock = threading.Lock()


def worker(handler, job):
    hints = get_type_hints(handler)
    with lock:
        results.append((handler.__name__, sorted(hints), handler(job)))


print(get_type_hints(Job.__init__))
print(get_type_hints(Job.chain))
print(get_type_hints(WorkerSettings))
print(get_type_hints(handle))
print("Job" in handle.__globals__, handle.__globals__["Settings"] is Settings)
namespace = sys.modules[__name__].__dict__
print(namespace["__name__"], "worker" in namespace, namespace["lock"] is lock)

threads = [threading.Thread(target=worker, args=(handle, Job(n))) for n in ("build", "test")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
