# Modelled on word-count examples with Counter, defaultdict and deque shared by threads.
import collections
import threading

TEXT = ["the quick brown fox", "jumps over the lazy dog", "the dog barks", "quick quick fox"]
counts = collections.Counter()
by_len = collections.defaultdict(list)
recent = collections.deque(maxlen=3)
lock = threading.Lock()


def count_line(line):
    words = line.split()
    with lock:
        counts.update(words)
        for w in words:
            by_len[len(w)].append(w)
        recent.append(line)


threads = [threading.Thread(target=count_line, args=(line,)) for line in TEXT]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counts.most_common(3))
print(sorted((k, sorted(v)) for k, v in by_len.items()))
print(len(recent), recent.maxlen)
Point = collections.namedtuple("Point", "x y")
p = Point(3, y=4)
print(p, p.x + p.y, p._replace(x=10), p._asdict())
