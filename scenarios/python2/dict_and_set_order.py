# gilsim: expect=ok python=2.7
# Python 2.7 iterates dicts and sets in its hash table's order, not insertion order: threads
# fill a dict of results by key (ints placed by value, strings by 2.7's string hash), and the
# program prints it, its keys, items and JSON; sets print and pop in table order; hash() of
# strings and floats is 2.7's own. OrderedDict keeps insertion order; it, defaultdict and
# Counter are dicts (json.dumps takes them). cPickle and StringIO are the Python 2 names of
# pickle and io.
import threading
import json
import collections
import cPickle
from StringIO import StringIO

results = {}
lock = threading.Lock()


def square(n):
    with lock:
        results[n * 7 % 13] = n * n


workers = [threading.Thread(target=square, args=(n,)) for n in range(12)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print results
print results.keys()[:4], sorted(results.values())[:3]

counts = {}
for word in "the quick brown fox jumps over the lazy dog and the end".split():
    counts[word] = counts.get(word, 0) + 1
print counts
for word, n in counts.iteritems():
    print word, n,
print
print json.dumps({"beta": 1, "alpha": 2, "gamma": 3})
print dict(zip("abcdefghij", range(10)))
print {(1, 2): "x", (3, 4): "y", (0, 0): "z"}, {1.5: "a", 2.25: "b", 0.1: "c"}

members = set()
for x in [100, 5, 37, 8, 1000, 2, -1, 2 ** 40]:
    members.add(x)
print members, set("hello world")
print members.pop(), members.pop(), members
print hash("abc"), hash(""), hash(1.5), hash(-0.1), hash((1, "a")), hash(2 ** 70)


class Point(object):
    def __init__(self):
        self.x = 1
        self.y = 2
        self.label = "p"
        self.weight = 0.5


print vars(Point())
ordered = collections.OrderedDict()
for key in "zyxw":
    ordered[key] = ord(key)
print ordered, ordered.keys()
print collections.Counter("mississippi river").most_common(4)
grouped = collections.defaultdict(list)
for i, ch in enumerate("hello world"):
    grouped[ch].append(i)
print dict(grouped)
print cPickle.loads(cPickle.dumps({"k": [1, 2]}))
buf = StringIO()
buf.write("written ")
buf.write("twice")
print buf.getvalue()
print isinstance(grouped, dict), isinstance(ordered, dict), json.dumps(grouped)
print grouped.default_factory, repr(grouped["?"]), len(grouped)
print collections.Counter("abracadabra"), ordered.popitem(), ordered.popitem(last=False), ordered
