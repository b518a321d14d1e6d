# gilsim: expect=ok python=3.13t
# Free-threaded CPython keeps its built-in containers consistent: `list.append`, `dict[key] =
# value` and `set.add` take a lock on the object (PEP 703's per-object critical
# sections), so four threads appending at once on four cores lose nothing, where `+=` on a
# shared integer would.
import threading

items = []
by_thread = {}
seen = set()


def fill(name, count):
    for i in range(count):
        items.append(i)
        by_thread[(name, i)] = i
        seen.add((name, i))


workers = [threading.Thread(target=fill, args=("w%d" % n, 500)) for n in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(len(items), len(by_thread), len(seen))
