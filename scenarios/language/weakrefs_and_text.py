# gilsim: expect=ok
# A thread-safe cache on weakref.WeakValueDictionary whose entries vanish when the last
# strong reference goes (as under CPython's reference counting), typing.NamedTuple records
# from worker threads, and textwrap reports of what the workers did.
import textwrap
import threading
import weakref
from typing import NamedTuple


class Resource:
    def __init__(self, key):
        self.key = key

    def __repr__(self):
        return "Resource(%r)" % self.key


class Record(NamedTuple):
    worker: str
    hits: int
    misses: int = 0

    def ratio(self):
        return self.hits / max(1, self.hits + self.misses)


cache = weakref.WeakValueDictionary()
lock = threading.Lock()
records = []
held = []


def get(key):
    with lock:
        resource = cache.get(key)
        if resource is None:
            resource = Resource(key)
            cache[key] = resource
            return resource, False
        return resource, True


def worker(name, keys, keep):
    hits = misses = 0
    for key in keys:
        resource, hit = get(key)
        hits, misses = hits + hit, misses + (not hit)
        if keep:
            held.append(resource)
    with lock:
        records.append(Record(name, hits, misses))


threads = [threading.Thread(target=worker, args=("w%d" % i, ["a", "b", "a"], i == 0)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(cache.keys()), len(held), "a" in cache)
for record in sorted(records):
    print(record, "%.2f" % record.ratio())
print(Record._fields, Record._field_defaults, Record("x", 1)._replace(misses=2))

ref = weakref.ref(held[0])
print(ref() is held[0], type(ref).__name__, ref == weakref.ref(held[0]))
held.clear()
print(ref(), sorted(cache.keys()), len(cache))
for value in [1, "text", [1], {}]:
    try:
        weakref.ref(value)
    except TypeError as e:
        print("TypeError:", e)
members = [Resource(i) for i in range(3)]
live = weakref.WeakSet(members)
keyed = weakref.WeakKeyDictionary({members[0]: "zero"})
members.pop(0)
print(len(live), sorted(r.key for r in live), len(keyed))

summary = " ".join("%s had %d hits and %d misses;" % (r.worker, r.hits, r.misses) for r in sorted(records))
print(textwrap.fill(summary, width=36, initial_indent="- ", subsequent_indent="  "))
print(textwrap.wrap("a well-known state-of-the-art thread-safe cache -- weakly held", 14))
print(textwrap.shorten(summary, 40), "|", textwrap.shorten(summary, 30, placeholder=" ..."))
print(textwrap.indent(textwrap.dedent("""\
    cache:
        hits
    done
"""), "| "), end="")
# str.casefold is Unicode full case folding, not lowercasing: the sharp s and ligatures expand.
print([w.casefold() for w in ["Straße", "ﬁle", "ΣΊΣΥΦΟΣ", "µs"]], "Straße".casefold() == "STRASSE".casefold())
