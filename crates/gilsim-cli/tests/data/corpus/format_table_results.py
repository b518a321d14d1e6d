# Modelled on workers whose results are printed as an aligned table.
import threading

rows = []
lock = threading.Lock()


def measure(name, values):
    avg = sum(values) / len(values)
    spread = max(values) - min(values)
    with lock:
        rows.append((name, len(values), avg, spread))


data = {"north": [3.5, 4.25, 5.0], "south": [10, 12, 11, 13], "east": [0.1, 0.2]}
ts = [threading.Thread(target=measure, args=kv) for kv in data.items()]
for t in ts:
    t.start()
for t in ts:
    t.join()
header = "{:<8}|{:>5}|{:>8}|{:>7}".format("region", "n", "avg", "spread")
print(header)
print("-" * len(header))
for name, n, avg, spread in sorted(rows):
    print("{:<8}|{:>5d}|{:>8.3f}|{:>7.2f}".format(name, n, avg, spread))
print("%-8s|%5d|%8.3f|" % ("all", sum(r[1] for r in rows), sum(r[2] for r in rows) / len(rows)))
