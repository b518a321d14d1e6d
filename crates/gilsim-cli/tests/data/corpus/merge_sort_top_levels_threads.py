# Modelled on merge sorts that sort the halves of the top levels on threads.
import threading
import random
import time

def merge(a, b):
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i]); i += 1
        else:
            out.append(b[j]); j += 1
    return out + a[i:] + b[j:]

def merge_sort(xs, depth=0):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    if depth < 2:
        halves = [None, None]
        def sort_half(k, part):
            halves[k] = merge_sort(part, depth + 1)
        ts = [threading.Thread(target=sort_half, args=(k, part)) for k, part in enumerate((xs[:mid], xs[mid:]))]
        for t in ts: t.start()
        for t in ts: t.join()
        return merge(*halves)
    return merge(merge_sort(xs[:mid], depth + 1), merge_sort(xs[mid:], depth + 1))

random.seed(42)
data = [random.randint(0, 999) for _ in range(200)]
start = time.perf_counter()
result = merge_sort(data)
elapsed = time.perf_counter() - start
print(result[:10], result[-5:], result == sorted(data), elapsed < 5)
