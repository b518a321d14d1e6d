# A bounded event log shared by worker threads (`collections.deque(maxlen=...)`, as programs
# keep "the last N events"), the deque operations such programs use, and the messages of
# errors about objects whose types CPython writes in C: they name the type with its module
# (`'_thread.lock' object has no attribute 'aquire'`, `unhashable type: 'collections.deque'`),
# where a class written in Python keeps its bare name (`'Queue' object ...`). A reader that
# walks the log while a writer appends to it gets CPython's "deque mutated during iteration".
# gilsim: expect=ok
import collections
import datetime
import decimal
import functools
import io
import queue
import threading
import time

recent = collections.deque(maxlen=5)
lock = threading.Lock()


def worker(name, count):
    for i in range(count):
        with lock:
            recent.append("%s:%d" % (name, i))
        time.sleep(0.001)


threads = [threading.Thread(target=worker, args=("w%d" % n, 4)) for n in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(recent), recent.maxlen, sorted(recent)[0][:1])

d = collections.deque([3, 1, 2], maxlen=4)
d.insert(1, 7)
print(d, d.index(7), d.count(3))
try:
    d.insert(0, 9)
except IndexError as e:
    print("IndexError:", e)
d.reverse()
print(d, list(reversed(d)), d.copy() == d, d.copy() is d)
print(d + collections.deque([0]), d * 2, 2 * collections.deque([1]))
e = collections.deque([1, 2])
e += [3]
e *= 2
del e[0]
print(e, e < collections.deque([3]), e >= collections.deque([2]))
for name, call in [
    ("d + [4]", lambda: d + [4]),
    ("d[9]", lambda: d[9]),
    ("d[1:2]", lambda: d[1:2]),
    ("d.index(9)", lambda: d.index(9)),
    ("d.remove(9)", lambda: d.remove(9)),
    ("hash(d)", lambda: hash(d)),
    ("{d: 1}", lambda: {d: 1}),
    ("lock.aquire()", lambda: lock.aquire()),
    ("threading.RLock().nope", lambda: threading.RLock().nope),
    ("threading.local().nope", lambda: threading.local().nope),
    ("len(lock)", lambda: len(lock)),
    ("lock[0]", lambda: lock[0]),
    ("io.StringIO().nope", lambda: io.StringIO().nope),
    ("functools.partial(int).nope", lambda: functools.partial(int).nope),
    ("datetime.date(2020, 1, 1).nope", lambda: datetime.date(2020, 1, 1).nope),
    ("decimal.Decimal(1).nope", lambda: decimal.Decimal(1).nope),
    ("collections.OrderedDict().nope", lambda: collections.OrderedDict().nope),
    ("collections.defaultdict().nope", lambda: collections.defaultdict().nope),
    ("collections.deque.nope", lambda: collections.deque.nope),
    ("queue.Queue().nope", lambda: queue.Queue().nope),
    ("queue.SimpleQueue().nope", lambda: queue.SimpleQueue().nope),
    ("threading.Event().nope", lambda: threading.Event().nope),
]:
    try:
        call()
    except Exception as exc:
        print("%s -> %s: %s" % (name, type(exc).__name__, exc))
print(io.StringIO, queue.SimpleQueue, type((x for x in ())).__module__)

log = collections.deque(range(3))
seen = []
reading = threading.Event()
written = threading.Event()


def reader():
    try:
        for item in log:
            seen.append(item)
            reading.set()
            written.wait()
    except RuntimeError as exc:
        seen.append(str(exc))


def writer():
    reading.wait()
    log.append(99)
    written.set()


pair = [threading.Thread(target=reader), threading.Thread(target=writer)]
for t in pair:
    t.start()
for t in pair:
    t.join()
print(seen)
