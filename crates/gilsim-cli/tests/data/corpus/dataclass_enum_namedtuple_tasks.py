# Modelled on task-queue examples using dataclasses (order, frozen), Enum/Flag and NamedTuple.
import threading
from dataclasses import dataclass, field, asdict, replace
from enum import Enum, IntEnum, Flag, auto
from typing import NamedTuple, List
import functools


class Color(Enum):
    RED = auto()
    GREEN = auto()


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


class Level(IntEnum):
    LOW = 1
    HIGH = 2


class Point(NamedTuple):
    x: int
    y: int = 0


@functools.total_ordering
@dataclass(frozen=True)
class Version:
    major: int
    minor: int = 0

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)


@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)
    tags: List[str] = field(default_factory=list, repr=False)


results = []
lock = threading.Lock()


def work(t):
    with lock:
        results.append(replace(t, priority=t.priority * 10))


tasks = [Task(3, "c"), Task(1, "a", ["x"]), Task(2, "b")]
ts = [threading.Thread(target=work, args=(t,)) for t in tasks]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results))
print(asdict(tasks[1]), Task(1, "z") == Task(1, "y"))
print(Color.RED, repr(Color.GREEN), Color(2).name, list(Color), Color["RED"].value)
print(Perm.R | Perm.W, (Perm.R | Perm.W) & Perm.W, Perm.X in (Perm.R | Perm.X), repr(Perm.R))
print(Level.HIGH > Level.LOW, Level.HIGH + 1, str(Level.LOW), f"{Level.HIGH}", format(Color.RED))
p = Point(1)
print(p, p._replace(y=5), p._asdict(), Point._fields, p.x + p[1])
print(Version(1, 2) > Version(1, 1), Version(2) >= Version(2, 0), sorted([Version(3), Version(1, 5)]))
try:
    Version(1).major = 3
except Exception as e:
    print(type(e).__name__, e)
print(hash(Version(1)) == hash(Version(1)), {Version(1): "a"}[Version(1, 0)])
