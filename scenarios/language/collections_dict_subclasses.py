# gilsim: expect=ok
# collections' defaultdict, Counter and OrderedDict are dict subclasses, as CPython's: a
# word count built by worker threads under a lock goes to json.dumps, dict(), `**` and
# dict's own methods; isinstance(x, dict) holds; each keeps its repr, copy, pickling and
# per-version operators (defaultdict's `|` from 3.9, Counter's comparisons from 3.10,
# OrderedDict's order-sensitive `==`, move_to_end, popitem(last=False), its odict_keys views,
# reversible in every version, and dict.fromkeys, a class method, making the subclass).
import collections
import copy
import json
import pickle
import threading

TEXT = "the quick fox and the lazy dog and the quick cat"
counts = collections.defaultdict(int)
tally = collections.Counter()
lock = threading.Lock()


def count_words(words):
    for word in words:
        with lock:
            counts[word] += 1
            tally[word] += 1


workers = [threading.Thread(target=count_words, args=(TEXT.split(),)) for _ in range(3)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()

print(isinstance(counts, dict), isinstance(tally, dict), isinstance(collections.OrderedDict(), dict))
print(json.dumps(counts, sort_keys=True))
print(json.dumps(tally.most_common(2)))
print(dict(counts) == dict(tally), counts == tally, {**tally} == dict(counts))
print(sorted(counts.items()), len(counts), "fox" in counts, "owl" in counts)
print(dict.get(counts, "the"), counts.get("owl"), "owl" in counts)
print(repr(counts["owl"]), "owl" in counts, len(counts))
merged = {}
merged.update(tally)
print(sorted(merged.items()))

nested = collections.defaultdict(lambda: collections.defaultdict(list))
nested["a"]["b"].append(1)
print(json.dumps(nested), nested["a"].default_factory)
print(collections.defaultdict(list, {"x": [1]}), collections.defaultdict())
print(copy.copy(counts) == counts, type(copy.deepcopy(counts)).__name__, type(counts.copy()).__name__)
clone = pickle.loads(pickle.dumps(counts))
print(type(clone).__name__, clone.default_factory, clone == counts)
print(collections.defaultdict(default_factory=int), collections.Counter(iterable=2))
for make in (lambda: collections.defaultdict(3), lambda: collections.defaultdict(int, {}, {})):
    try:
        make()
    except TypeError as error:
        print("TypeError:", error)

c = collections.Counter("abracadabra")
print(c, c.most_common(2), sorted(c.elements())[:4])
print(c + collections.Counter("rab"), c - collections.Counter(a=4), c & collections.Counter("aab"), c | collections.Counter(z=2))
print(+collections.Counter(a=2, b=-1), -collections.Counter(a=2, b=-1))
c.subtract("aaz")
print(c, c["missing"], "missing" in c)
del c["nothing"]
c.update({"a": 10})
c.update(q=1)
print(c.most_common(1), type(pickle.loads(pickle.dumps(c))).__name__, collections.Counter())
print(collections.Counter(a=1) == {"a": 1}, {"a": 1} == collections.Counter(a=1))
print(collections.Counter(a=1, b=0) == collections.Counter(a=1))
try:
    collections.Counter.fromkeys("ab")
except NotImplementedError as error:
    print("NotImplementedError:", error)

od = collections.OrderedDict([("b", 1), ("a", 2)])
od["c"] = 3
print(od, list(od), list(reversed(od)), od == {"a": 2, "b": 1, "c": 3})
print(od == collections.OrderedDict([("a", 2), ("b", 1), ("c", 3)]), od != collections.OrderedDict(od))
if hasattr(od, "move_to_end"):
    od.move_to_end("b")
    od.move_to_end("c", last=False)
print(od, od.popitem(), od.popitem(last=False), od)
print(collections.OrderedDict(), type(od.copy()).__name__, pickle.loads(pickle.dumps(od)) == od)
print(collections.OrderedDict.fromkeys("xyz", 0), type(collections.Counter().fromkeys) is type(dict.fromkeys))
ordered = collections.OrderedDict([("b", 1), ("a", 2)])
keys, values, items = ordered.keys(), ordered.values(), ordered.items()
ordered["c"] = 3
print(keys, values, items, type(keys).__mro__, isinstance(keys, type({}.keys())))
print(list(reversed(keys)), list(reversed(items)), keys & {"a", "z"}, ("a", 2) in items)
try:
    collections.OrderedDict().popitem()
except KeyError as error:
    print("KeyError:", error)


class Histogram(collections.Counter):
    pass


class Registry(collections.OrderedDict):
    pass


print(Histogram("aab"), type(Histogram("ab").copy()).__name__, Registry(x=1), Registry())
