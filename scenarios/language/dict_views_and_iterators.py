# gilsim: expect=ok
# Dict views and the lazy built-in iterators read their source when they are used, as in
# CPython: a view shows keys added after it was made, `enumerate`/`zip`/`map`/`filter` pull
# one item at a time, and a dict or set that changes size under a loop — here because another
# thread added a key while the main thread slept in the loop — raises RuntimeError.
import threading
import time

inventory = {"apples": 3, "pears": 0, "plums": 7}
names, counts, pairs = inventory.keys(), inventory.values(), inventory.items()
print(names, counts, pairs)
inventory["figs"] = 2
print(len(names), "figs" in names, ("plums", 7) in pairs, 2 in counts, list(reversed(names))[:2])
print(names & {"figs", "kiwis"}, sorted(names - {"apples"}), sorted(pairs)[0], names == set(inventory))
print(names.isdisjoint(["kiwis"]), type(names).__name__, type(iter(pairs)).__name__)

queue_of_work = [1, 2, 3]
numbered = enumerate(queue_of_work, start=1)
queue_of_work.append(4)  # seen: enumerate reads the list item by item
print(list(numbered))
doubled = map(lambda n: n * 2, queue_of_work)
print(next(doubled), list(doubled), list(doubled))
print(list(zip("abc", range(10), [True, False, True, False])), list(zip()))
print(list(filter(None, [0, "", "x", 3, None])), list(filter(lambda n: n % 2, range(7))))
print(type(map(str, [])).__name__, type(zip()).__name__, type(enumerate([])).__name__)
try:
    len(map(str, [1]))
except TypeError as e:
    print("TypeError:", e)
try:
    hash(inventory.keys())
except TypeError as e:
    print("TypeError:", e)
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {3}, {1} > {1})

shared = {"a": 1, "b": 2, "c": 3}


def add_key():
    time.sleep(0.15)
    shared["d"] = 4


writer = threading.Thread(target=add_key)
writer.start()
seen = []
try:
    for key in shared:
        seen.append(key)
        time.sleep(0.1)
except RuntimeError as e:
    print("RuntimeError:", e, "after", seen)
writer.join()

members = {1, 2, 3}
try:
    for m in members:
        members.discard(3)
except RuntimeError as e:
    print("RuntimeError:", e)
settings = {"x": 1}
for key, value in settings.items():
    settings[key] = value + 1  # same size: allowed
print(settings)
