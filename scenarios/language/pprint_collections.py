# gilsim: expect=ok
# pprint breaks what does not fit as CPython's PrettyPrinter dispatches it: collections'
# deque (with and without maxlen), defaultdict, Counter (most common first), OrderedDict,
# ChainMap, UserDict and UserList, long bytes and bytearrays (in 4-byte groups),
# types.SimpleNamespace (3.9+), dataclasses (3.10+; a repr before), a dict subclass that
# keeps dict's repr; what fits stays on one line. Worker threads build the data.
import collections
import pprint
import threading
import time
import types

try:
    import dataclasses
except ImportError:  # 3.6
    dataclasses = None

if dataclasses:

    @dataclasses.dataclass
    class Job:
        name: str
        steps: list = dataclasses.field(default_factory=list)
        secret: str = dataclasses.field(default="hidden", repr=False)


class Registry(dict):
    pass


counts = collections.Counter()
log = collections.deque(maxlen=12)
by_worker = collections.defaultdict(list)
lock = threading.Lock()


def worker(k):
    for i in range(10):
        with lock:
            counts["w%d" % (i % (k + 2))] += 1
            log.append((k, i))
            by_worker["worker-%d" % k].append(i * k)


threads = [threading.Thread(target=worker, args=(k,)) for k in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()

pprint.pprint(counts, width=30)
pprint.pprint(log, width=40)
pprint.pprint(collections.deque(range(25)))
pprint.pprint(by_worker, width=50)
pprint.pprint(collections.OrderedDict(("key%d" % i, i * 111) for i in range(6)), width=40)
pprint.pprint(collections.ChainMap({"a": list(range(12))}, {"b": "x" * 30}), width=40)
pprint.pprint(collections.UserDict({"u": list(range(30))}))
pprint.pprint(collections.UserList(range(30)), compact=True)
pprint.pprint(bytes(range(40)), width=40)
pprint.pprint([bytearray(b"abcdefgh" * 6)], width=40)
pprint.pprint(types.SimpleNamespace(alpha=list(range(15)), beta="b" * 40), width=60)
if dataclasses:
    pprint.pprint(Job("build", ["fetch", "compile", "link", "test", "package", "publish"]), width=40)
pprint.pprint(Registry(zeta=list(range(10)), alpha=list(range(12))), width=50)
pprint.pprint([collections.Counter(), collections.deque(), collections.OrderedDict()], width=10)
print(pprint.pformat(collections.deque("abc")), pprint.pformat(counts)[:30])
# A namespace's repr: its attributes sorted by name before 3.9, in the order set from 3.9;
# time.get_clock_info's answers are namespaces.
settings = types.SimpleNamespace(zeta=1, alpha=[2], mid="m")
settings.beta = 0
print(settings, settings == types.SimpleNamespace(alpha=[2], zeta=1, mid="m", beta=0))
print(time.get_clock_info("monotonic"), time.get_clock_info("time").adjustable)
