# Modelled on worker reports formatted with str.format and f-strings (alignment, specs).
import threading

rows = []
lock = threading.Lock()


def measure(name, n):
    value = sum(i * i for i in range(n))
    with lock:
        rows.append((name, n, value))


threads = [threading.Thread(target=measure, args=("job%d" % i, 10 ** i)) for i in range(1, 4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("{:<8}|{:>6}|{:>12}".format("name", "n", "value"))
for name, n, value in sorted(rows):
    print(f"{name:<8}|{n:>6}|{value:>12,}")
print(f"{255:#x} {255:#o} {3.14159:.2f} {0.25:.1%} {42:08.3f} {'x':*^7}")
