# Benchmark case: a dict/list loop of 2·10^5 iterations (subscripts, appends, dict get/set).
counts = {}
items = []
for i in range(200000):
    key = i % 97
    counts[key] = counts.get(key, 0) + 1
    items.append(key)
    if len(items) > 50:
        items.pop(0)
print(len(counts), sum(items), counts[3])
