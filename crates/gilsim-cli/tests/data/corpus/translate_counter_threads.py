# Modelled on text-cleaning exercises split across threads
import string
import threading
from collections import Counter

LINES = [
    "Hello, world! Hello, threads.",
    "Threads share memory; processes don't!",
    "The GIL: one thread at a time (mostly).",
]
table = str.maketrans('', '', string.punctuation)
total = Counter()
lock = threading.Lock()

def clean(line):
    words = line.translate(table).lower().split()
    with lock:
        total.update(words)

ts = [threading.Thread(target=clean, args=(l,)) for l in LINES]
for t in ts: t.start()
for t in ts: t.join()
print(total.most_common(3))
print(sum(total.values()), len(total), total['threads'])
print('a-b_c'.translate(str.maketrans('-_', '  ')), 'abc'.translate({97: 'A', 98: None}))
