# Modelled on reports that format worker results with format specs (thousands, percent, align).
import threading

results = {}
lock = threading.Lock()


def measure(name, size):
    total = sum(range(size))
    with lock:
        results[name] = (size, total)


threads = [threading.Thread(target=measure, args=(f"job-{i}", 10 ** i)) for i in range(1, 6)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(f"{'name':<8}|{'size':>10}|{'total':>15}|{'share':>8}")
grand = sum(t for _, t in results.values())
for name in sorted(results):
    size, total = results[name]
    print(f"{name:<8}|{size:>10,}|{total:>15_}|{total / grand:>8.2%}")
print("{:^20}".format("centered"), "{:*>10}".format(42), "{:+.3e}".format(12345.678))
print("%-10s|%5d|%08.3f|%x|%o|%e" % ("left", 42, 3.14159, 255, 8, 0.000123))
print(format(1234567.891, ",.2f"), format(0.5, "%"), format(255, "#x"), format(5, "08b"))
print(f"{3.0:g} {1e20:g} {1.5e-7:g} {100000.0:g} {1234567.0:g}")
print(f"{'abc'!r:>8} {12:>{6}} {3.14159:.{3}f}")
print(round(2.675, 2), round(0.5), round(1.5), round(-2.5), round(1234.5678, -2))
print(str(1e16), str(1e-5), repr(0.1 + 0.2), 1 / 3, 2 ** 0.5, 10 / 4)
