# gilsim: expect=ok
# A typed worker pool written for 3.9+: annotations use the built-in generics of PEP 585
# (`list[int]`, `dict[str, tuple[int, ...]]`, `queue.Queue[int]`, `collections.abc.Callable`),
# and the pool prints its own signature from `typing.get_type_hints` — each alias as CPython
# shows it, of type `types.GenericAlias`, callable to build the container, refused by
# isinstance(). Before 3.9 the same names are not subscriptable, which the script reports.
import collections
import collections.abc
import queue
import sys
import threading
import typing

if sys.version_info < (3, 9):
    try:
        list[int]
    except TypeError as exc:
        print("TypeError:", exc)
    try:
        queue.Queue[int]
    except TypeError as exc:
        print("TypeError:", exc)
    sys.exit(0)

Batch = list[int]
Totals = dict[str, tuple[int, ...]]
Task = collections.abc.Callable[[int], int]


def run_pool(tasks: dict[str, Task], batch: Batch, inbox: "queue.Queue[tuple[str, int]]") -> Totals:
    results: collections.defaultdict[str, list[int]] = collections.defaultdict(list)
    lock = threading.Lock()

    def worker(name: str, task: Task) -> None:
        for item in batch:
            value = task(item)
            with lock:
                results[name].append(value)
            inbox.put((name, value))

    threads = [threading.Thread(target=worker, args=pair) for pair in sorted(tasks.items())]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {name: tuple(values) for name, values in sorted(results.items())}


inbox = queue.Queue[tuple[str, int]]()
totals = run_pool({"square": lambda x: x * x, "double": lambda x: 2 * x}, Batch([1, 2, 3]), inbox)
print(totals, inbox.qsize())
hints = typing.get_type_hints(run_pool)
for name in ("tasks", "batch", "return"):
    print(name, hints[name])
print(run_pool.__annotations__["inbox"])
print(Batch, Totals, Task, type(Batch), type(Batch).__module__)
print(Batch.__origin__, Batch.__args__, Totals.__args__[1], typing.get_origin(Totals), typing.get_args(Totals))
print(Batch == list[int], Batch != list[str], Batch([4, 5]), Batch.__name__ if sys.version_info >= (3, 10) else "list")
print(queue.Queue[int], collections.deque[str], collections.OrderedDict[str, int], collections.abc.Mapping[str, Batch])
print(tuple[()], type[int], dict[str, "Worker"], list[list[int]])
try:
    isinstance([], Batch)
except TypeError as exc:
    print("TypeError:", exc)


class Scores(list[int]):
    def best(self) -> int:
        return max(self)


scores = Scores([3, 9, 4])
print(scores.best(), Scores.__mro__[1], Scores.__orig_bases__)
if sys.version_info >= (3, 10):
    print(list[int] | None, (int | None) == typing.Optional[int], Batch | dict[str, int])
else:
    try:
        list[int] | None
    except TypeError as exc:
        print("TypeError:", exc)
