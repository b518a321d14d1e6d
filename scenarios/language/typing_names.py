# gilsim: expect=ok
# `from typing import *` and annotations a class body evaluates (a method's parameters, class
# attributes), Union and Optional flattened, deduplicated and shown as CPython shows them
# (Optional[X] from 3.9), PEP 604's `X | None` on typing's forms (3.10+, a TypeError before),
# and a Thread subclass whose parameters default to `...`, as some typed code writes them.
import sys
import threading
import queue
from typing import *


class Worker(threading.Thread):
    results: List[int] = []

    def __init__(self, q: queue.Queue, name: Optional[str] = None, callback: Callable[..., object] = print) -> None:
        super().__init__(name=name)
        self.q = q
        self.callback = callback

    def run(self) -> None:
        while True:
            item = self.q.get()
            if item is None:
                break
            Worker.results.append(item * 2)


q: "queue.Queue[int]" = queue.Queue()
w = Worker(q, name="typed")
w.start()
for i in range(3):
    q.put(i)
q.put(None)
w.join()
print(w.name, Worker.results, Worker.__init__.__annotations__["name"])
print(Optional[int], Union[int, None], Union[int, str], Union[int], Optional[List[int]])
print(Union[int, str, None], Union[int, Union[str, int]], Optional[Union[int, str]])
print(Optional[int] == Union[None, int], Union[int, str] == Union[str, int], Callable[[int], str])
try:
    print(List[int] | None, Callable[..., object] | None, int | List[int])
except TypeError as error:
    print("TypeError: | of a typing form before 3.10")


class Producer(threading.Thread):
    def __init__(self, group: None = None, target: Callable[..., object] = ..., name: str = ...,
                 args: Iterable[Any] = ..., kwargs: Mapping[str, Any] = None, *, daemon: bool = True) -> None:
        super().__init__(group, target, name, args, kwargs, daemon=daemon)

    def run(self) -> None:
        print("running as", self.name, self.daemon)


p = Producer()
p.start()
p.join()
print(repr(p).split(",")[0])
