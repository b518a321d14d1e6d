# Modelled on public scripts printing a formatted results table after threaded work.
import threading

data = {"alpha": [3, 5, 8], "beta": [13, 21], "gamma": [34, 55, 89, 144], "delta": []}
stats = {}


def compute(name, values):
    total = sum(values)
    stats[name] = (len(values), total, total / len(values) if values else float("nan"))


threads = [threading.Thread(target=compute, args=kv) for kv in data.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("{:<8}|{:>6}|{:>8}|{:>10}".format("name", "count", "total", "mean"))
print("-" * 35)
for name in sorted(stats):
    count, total, mean = stats[name]
    print(f"{name:<8}|{count:>6d}|{total:>8,}|{mean:>10.3f}")
print(f"{'sum':<8}|{sum(c for c, _, _ in stats.values()):>6}|{sum(t for _, t, _ in stats.values()):>8}|")
print("%-8s|%6.2e|%+5d|%x|%o|%c" % ("misc", 12345.678, 42, 255, 8, 65))
