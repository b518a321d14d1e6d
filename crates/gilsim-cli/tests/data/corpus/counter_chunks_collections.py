# Modelled on public word-count examples merging per-thread Counters under a lock, with defaultdict, deque, heapq, bisect and format specs.
import threading
from collections import Counter, defaultdict, deque, OrderedDict
import heapq, bisect, operator

words = "the quick brown fox jumps over the lazy dog the end".split()
counts = Counter()
lock = threading.Lock()
def count(chunk):
    local = Counter(chunk)
    with lock:
        counts.update(local)
chunks = [words[i:i + 3] for i in range(0, len(words), 3)]
ts = [threading.Thread(target=count, args=(c,)) for c in chunks]
for t in ts: t.start()
for t in ts: t.join()
print(counts.most_common(3), sum(counts.values()))
groups = defaultdict(list)
for w in words:
    groups[len(w)].append(w)
print(dict(sorted(groups.items())))
d = deque(maxlen=3)
for i in range(5): d.append(i)
print(d, d.maxlen, list(reversed(d)))
h = []
for x in [5, 1, 4, 2]: heapq.heappush(h, (x, str(x)))
print([heapq.heappop(h) for _ in range(len(h))], heapq.nlargest(2, [3, 9, 1]))
a = [1, 3, 5]
bisect.insort(a, 4)
print(a, bisect.bisect_left(a, 4), sorted(words, key=operator.itemgetter(1))[:3])
od = OrderedDict.fromkeys("abc")
od.move_to_end("a")
print(od, list(od.items())[0])
print(f"{3.14159:>10.2f}|{42:08b}|{'x':^5}|{1234567:,}|{0.25:.1%}")
