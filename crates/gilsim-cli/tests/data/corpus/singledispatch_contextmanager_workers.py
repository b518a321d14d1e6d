# Modelled on examples mixing singledispatch, contextmanager and ExitStack with worker threads.
import threading
import functools
import contextlib
import operator
from collections import Counter, ChainMap, deque


@functools.singledispatch
def describe(x):
    return f"object {x!r}"


@describe.register
def _(x: int):
    return f"int {x}"


@describe.register(list)
def _(x):
    return f"list of {len(x)}"


@contextlib.contextmanager
def tag(name, log):
    log.append(f"<{name}>")
    try:
        yield name.upper()
    finally:
        log.append(f"</{name}>")


log = []
lock = threading.Lock()


def worker(n):
    with lock, tag(f"t{n}", log) as t:
        log.append(describe(n) + " " + t)


ts = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(log)
print(describe([1, 2]), describe("s"), describe(2.5))
with contextlib.suppress(KeyError):
    {}["x"]
print("suppressed")
with contextlib.ExitStack() as stack:
    names = [stack.enter_context(tag(n, log)) for n in "ab"]
    stack.callback(log.append, "callback")
print(names, log[-5:])
c = Counter("abracadabra")
d = Counter("alakazam")
print(c.most_common(2), (c + d).most_common(3), c - d, c & d, sorted((c | d).elements())[:5])
print(functools.reduce(operator.mul, range(1, 6)), functools.partial(pow, 2)(10), operator.itemgetter(1, 0)("ab"))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), cm.new_child({"c": 4}).maps)
dq = deque(range(5), maxlen=3)
dq.appendleft(9)
dq.rotate(1)
print(dq, dq.maxlen, list(reversed(dq)))
@functools.lru_cache(maxsize=2)
def sq(n):
    return n * n
print([sq(i) for i in (1, 2, 1, 3, 1)], sq.cache_info())
