# gilsim: expect=ok
# User-defined generics as typing makes them (PEP 484/560): Generic[T] and Protocol[T] bases
# through __mro_entries__, __parameters__ and __orig_bases__, subscripted classes that are
# called like the class, List/Dict/Mapping bases that derive from list, dict and
# collections.abc.Mapping, and Generic's errors, each release's wording (3.8+).
from typing import Generic, TypeVar, List, Dict, Mapping, Sequence, Iterator, Protocol, Optional
import threading

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")

class Stack(Generic[T]):
    def __init__(self):
        self._items: List[T] = []
        self._lock = threading.Lock()
    def push(self, item: T) -> None:
        with self._lock:
            self._items.append(item)
    def pop(self) -> Optional[T]:
        with self._lock:
            return self._items.pop() if self._items else None

class IntStack(Stack[int]):
    pass

class Pair(Generic[K, V]):
    pass

class Names(List[str]):
    def shout(self):
        return [n.upper() for n in self]

class Registry(Dict[str, int]):
    pass

class Store(Mapping[str, int]):
    def __init__(self, d): self._d = d
    def __getitem__(self, k): return self._d[k]
    def __len__(self): return len(self._d)
    def __iter__(self) -> Iterator[str]: return iter(self._d)

class Readable(Protocol[T]):
    def read(self) -> T: ...

s = Stack[int]()
ts = [threading.Thread(target=s.push, args=(i,)) for i in range(5)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(s._items), s.pop() is not None, s.__orig_class__)
print(Stack.__parameters__, IntStack.__parameters__, Pair.__parameters__)
print(Stack.__orig_bases__, IntStack.__orig_bases__, IntStack.__mro__)
print(Names.__mro__)
n = Names(["a", "b"])
print(n.shout(), isinstance(n, list), len(n))
print(Registry.__mro__, Registry(a=1))
st = Store({"x": 1, "y": 2})
print(dict(st), "x" in st, st.get("z", 9), list(st.keys()))
print(Readable.__parameters__, Stack[int], Pair[str, List[int]], Dict[str, T].__parameters__)
print(Stack[int] == Stack[int], Stack[int] == Stack[str])
for bad in (lambda: Pair[int], lambda: IntStack[int], lambda: Generic[int], lambda: Generic[T, T], lambda: Pair[int, int, int]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    class Bad(Generic):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(Pair[K, V], Generic[K]):
        pass
except TypeError as e:
    print("TypeError:", e)
