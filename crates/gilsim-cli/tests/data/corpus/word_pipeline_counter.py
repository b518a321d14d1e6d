# Modelled on queue pipelines feeding a collections.Counter.
import collections
import itertools
import queue
import threading

TEXT = """the quick brown fox jumps over the lazy dog
the dog barks and the fox runs
a quick brown dog""".splitlines()

lines_q = queue.Queue()
words_q = queue.Queue()
counts = collections.Counter()
DONE = object()


def splitter():
    while True:
        line = lines_q.get()
        if line is DONE:
            words_q.put(DONE)
            break
        for w in line.split():
            words_q.put(w)


def counter():
    ids = itertools.count(1)
    while True:
        w = words_q.get()
        if w is DONE:
            break
        counts[w] += 1
        last = next(ids)
    print("words seen:", last)


ts = [threading.Thread(target=splitter), threading.Thread(target=counter)]
for t in ts:
    t.start()
for line in TEXT:
    lines_q.put(line)
lines_q.put(DONE)
for t in ts:
    t.join()
for word, n in counts.most_common(4):
    print(f"{word:>6}: {'*' * n}")
print(sum(counts.values()), len(counts))
