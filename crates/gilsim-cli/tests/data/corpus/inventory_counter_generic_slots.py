# Modelled on public thread-safe inventory examples (an RLock-guarded Counter) with total_ordering, __slots__, a Generic container and OrderedDict moves.
import threading
import random
from collections import Counter, OrderedDict
from functools import total_ordering
from typing import Dict, List, Optional, Generic, TypeVar

T = TypeVar("T")


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item

    def __repr__(self):
        return f"Box({self.item!r})"


@total_ordering
class Version:
    __slots__ = ("major", "minor")

    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __hash__(self):
        return hash((self.major, self.minor))

    def __repr__(self):
        return "Version(%d, %d)" % (self.major, self.minor)


class Inventory:
    def __init__(self):
        self._lock = threading.RLock()
        self._stock: Counter = Counter()
        self.log: List[str] = []

    def add(self, item, n=1):
        with self._lock:
            self._stock[item] += n
            self._note("add", item, n)

    def remove(self, item, n=1) -> bool:
        with self._lock:
            if self._stock[item] < n:
                self._note("short", item, n)
                return False
            self._stock[item] -= n
            self._note("remove", item, n)
            return True

    def _note(self, what, item, n):
        with self._lock:
            self.log.append(f"{what}:{item}:{n}")

    def snapshot(self) -> Dict[str, int]:
        with self._lock:
            return dict(sorted(self._stock.items()))


rng = random.Random(42)
inv = Inventory()
items = ["apple", "pear", "plum", "fig"]
plan = [(rng.choice(items), rng.randint(1, 5)) for _ in range(40)]


def supplier(chunk):
    for item, n in chunk:
        inv.add(item, n)


def buyer(chunk, results):
    ok = 0
    for item, n in chunk:
        if inv.remove(item, n):
            ok += 1
    results.append(ok)


results = []
sup = [threading.Thread(target=supplier, args=(plan[i::2],)) for i in range(2)]
for t in sup:
    t.start()
for t in sup:
    t.join()
print(inv.snapshot())
buy = [threading.Thread(target=buyer, args=(plan[i::4], results), name=f"buyer-{i}") for i in range(4)]
for t in buy:
    t.start()
for t in buy:
    t.join()
print(sorted(results), sum(results))
print(inv.snapshot())
c = Counter(item for item, _ in plan)
print(c.most_common(2))
print(c + Counter(apple=1), c - Counter(apple=100))
print((c & Counter(fig=2, pear=100)), (c | Counter(fig=50)))
print(sorted(c.elements())[:5])
c.subtract({"fig": 3})
print(c["fig"], +c == c, sorted((-c).items()))
od = OrderedDict.fromkeys("abcde", 0)
od.move_to_end("b")
od.move_to_end("d", last=False)
print(list(od), od.popitem(last=False))
vs = [Version(3, 11), Version(2, 7), Version(3, 6), Version(3, 11)]
print(sorted(set(vs)), max(vs), Version(3, 6) <= Version(3, 7), Version(3, 6) >= Version(3, 7))
print(Box(5).get(), Box[int], Box("x"))
try:
    Version(1, 2).patch = 3
except AttributeError as e:
    print("AttributeError:", e)
print(len(inv.log), inv.log[:3])
