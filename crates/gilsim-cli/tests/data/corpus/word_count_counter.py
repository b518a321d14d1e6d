# Modelled on "count words in documents with threads and Counter" examples.
import threading
from collections import Counter

DOCS = [
    "the quick brown fox jumps over the lazy dog",
    "the dog barks and the fox runs",
    "a quick brown dog and a lazy fox",
    "threads share the counter behind a lock",
]
totals = Counter()
lock = threading.Lock()


def count(doc):
    local = Counter(doc.split())
    with lock:
        totals.update(local)


threads = [threading.Thread(target=count, args=(d,)) for d in DOCS]
for t in threads:
    t.start()
for t in threads:
    t.join()
for word, n in totals.most_common(5):
    print(f"{word:<6}{n:>3}")
print("distinct words:", len(totals))
print("total words:", sum(totals.values()))
