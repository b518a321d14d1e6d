# Benchmark case: %-formatting and str() 10^5 times.
total = 0
for i in range(100000):
    text = "item %d of %s: %.2f" % (i, "batch", i / 7)
    total += len(text) + len(str(i))
print(total)
