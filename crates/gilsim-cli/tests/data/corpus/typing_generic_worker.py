# Modelled on typed worker code: Generic jobs, a NamedTuple result, a Protocol sink and a dataclass collector.
from __future__ import annotations
import threading
from typing import Generic, TypeVar, Callable, Optional, NamedTuple, Protocol
from dataclasses import dataclass, field

T = TypeVar("T")
R = TypeVar("R")

class Result(NamedTuple):
    index: int
    value: Optional[int]
    error: Optional[str] = None

class Job(Generic[T, R]):
    def __init__(self, fn: Callable[[T], R], arg: T) -> None:
        self.fn = fn
        self.arg = arg

    def run(self) -> R:
        return self.fn(self.arg)

class Sink(Protocol):
    def put(self, r: Result) -> None: ...

@dataclass
class Collector:
    items: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def put(self, r: Result) -> None:
        with self.lock:
            self.items.append(r)

def inv(x: int) -> int:
    return 100 // x

def run(i: int, job: Job[int, int], sink: Sink) -> None:
    try:
        sink.put(Result(i, job.run()))
    except ZeroDivisionError as e:
        sink.put(Result(i, None, str(e)))

c = Collector()
ts = [threading.Thread(target=run, args=(i, Job(inv, i - 2), c)) for i in range(5)]
for t in ts: t.start()
for t in ts: t.join()
for r in sorted(c.items):
    print(r)
print(c)
print(Result._fields, Result(1, 2)._replace(value=5), Result._field_defaults)
print(Job[int, int], Job.__parameters__)
