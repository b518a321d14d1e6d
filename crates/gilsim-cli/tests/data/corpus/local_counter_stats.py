# Modelled on per-thread statistics with threading.local merged at the end.
import threading
from collections import Counter

local = threading.local()
merged = Counter()
merge_lock = threading.Lock()


def worker(words):
    local.counts = Counter()
    for w in words:
        local.counts[w] += 1
    with merge_lock:
        merged.update(local.counts)


chunks = [["a", "b", "a"], ["b", "c"], ["a", "c", "c", "c"]]
threads = [threading.Thread(target=worker, args=(c,)) for c in chunks]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(merged.most_common(), sum(merged.values()), hasattr(local, "counts"))
print(merged["a"], merged["zzz"], list(merged.elements())[:4])
