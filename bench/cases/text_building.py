# Benchmark case: f-strings and str.format building 10^5 labels, as threaded programs log them.
total = 0
for i in range(100000):
    name = f"worker-{i}: {i * 2} items, {'ok' if i % 2 else 'busy'}"
    total += len(name) + len("Thread-{}".format(i))
print(total)
