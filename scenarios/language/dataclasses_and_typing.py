# gilsim: expect=ok
# Dataclasses and type annotations as threaded code writes them: work items with defaults
# and default factories, ordering for a PriorityQueue, frozen keys in a dict shared by
# threads, __post_init__, asdict/astuple/replace/fields, inheritance; typing names in
# annotations; a class's own __setattr__, __getattr__ and operators returning NotImplemented.
import dataclasses
import queue
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Generic, List, Optional, Tuple, TypeVar

T = TypeVar("T")


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    tags: List[str] = field(default_factory=list, compare=False)
    result: Optional[int] = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Key:
    host: str
    port: int = 80


@dataclass
class Stats:
    hits: int = 0
    misses: int = 0
    total: int = field(init=False, default=0)

    def __post_init__(self):
        self.total = self.hits + self.misses


@dataclass
class Timed(Stats):
    seconds: float = 0.5


jobs = queue.PriorityQueue()
for prio, name in [(3, "index"), (1, "fetch"), (2, "parse")]:
    jobs.put(Job(prio, name, tags=[name[0]]))
done = []
cache: Dict[Key, int] = {}
lock = threading.Lock()


def worker():
    while True:
        try:
            job = jobs.get_nowait()
        except queue.Empty:
            return
        job.result = job.priority * 10
        with lock:
            done.append(job)
            cache[Key("example.org", 8000 + job.priority)] = job.result


threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(j.name for j in done), sorted(done)[0], Job(1, "a") == Job(1, "b"), Job(1, "a") < Job(2, "a"))
print(cache[Key("example.org", 8001)], Key("a") == Key("a", 80), hash(Key("a")) == hash(Key("a", 80)), Key("h", 1))
try:
    Key("x").port = 1
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(Stats(2, 3), Timed(1, seconds=2.0), dataclasses.asdict(Timed(4, 5)), dataclasses.astuple(Key("q")))
print([f.name for f in dataclasses.fields(Timed)], dataclasses.replace(Key("a"), port=9), dataclasses.is_dataclass(Key))
print(Job.__annotations__["priority"], sorted(Stats.__annotations__), Stats().total)
try:
    Job()
except TypeError as e:
    print("TypeError:", e)
try:
    Job(1, "x", [], None, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError:", e)


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


def apply(fn: Callable[[int], int], values: List[int]) -> Tuple[int, ...]:
    return tuple(fn(v) for v in values)


print(Box(5).get(), apply(lambda v: v * v, [1, 2, 3]), repr(T))


class Audited:
    def __init__(self):
        self.log = []
        self.value = 0

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        object.__setattr__(self, name, value)

    def __getattr__(self, name):
        return "<missing %s>" % name


a = Audited()
a.value = 5
a.other = 1
print(a.log, a.value, a.nothing)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.cents + other.cents)

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    __hash__ = None


print(sum([Money(5), Money(7)]).cents, Money(1) == Money(1), Money(1) == 1, Money(3) > Money(2), NotImplemented)
try:
    Money(1) + 1
except TypeError as e:
    print("TypeError:", e)

# 3.10's slots=True makes the class again with `__slots__`; before 3.10 the keyword is unknown.
import sys

try:
    @dataclass(slots=True, frozen=True)
    class Slot:
        x: int
        y: int = 2

    s = Slot(1)
    print(s, Slot.__slots__, hasattr(s, "__dict__"), Slot.__init__.__qualname__, s == Slot(1, 2))
    try:
        s.x = 5
    except dataclasses.FrozenInstanceError as e:
        print("FrozenInstanceError:", e)
except TypeError as e:
    print("TypeError:", e, sys.version_info >= (3, 10))

# A field without a default after one with: 3.13 names the field with the default too.
try:
    @dataclass
    class Order:
        item: str
        quantity: int = 1
        price: float
except TypeError as e:
    print("TypeError:", e)
