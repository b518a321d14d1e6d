# gilsim: expect=ok
# The array module: typed arrays shared by threads under a lock, their methods, operators,
# bytes round trips (a float array keeps C floats' precision), and the errors each release
# raises for an item out of range, a float where an int goes, a wrong typecode or a slice
# assigned from a list.
import array
import threading

counts = array.array("l", [0] * 4)
lock = threading.Lock()


def tally(worker):
    for step in range(50):
        with lock:
            counts[(worker + step) % 4] += 1


workers = [threading.Thread(target=tally, args=(w,)) for w in range(6)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(counts, sum(counts), counts.buffer_info()[1], counts.typecode, counts.itemsize)

a = array.array("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
a.insert(0, 0)
print(a, a.tolist(), a.pop(), a.index(3), a.count(2), list(reversed(a)), a[1:3], a[-1])
a[0] = 10
a[1:3] = array.array("i", [7, 8])
del a[-1]
print(a, 5 in a, a == array.array("i", a.tolist()), a < array.array("i", [11]), a * 2)
d = array.array("d", [1.5, 2.5])
f = array.array("f", [0.1, 1 / 3])
print(d + array.array("d", [3.0]), f, f[0], f.tobytes()[:4], array.array("b", b"\x01\xff"))
h = array.array("H", [1, 2])
h.byteswap()
h.reverse()
e = array.array("i")
e.fromlist([3, 4])
e.frombytes(array.array("i", [5]).tobytes())
print(h, e, sorted(e, reverse=True), array.array("B", b"ab"), array.array("q"))
print([array.array(t).itemsize for t in "bBhHiIlLqQfd"])
for typecode, value in [("b", 300), ("b", -129), ("B", -1), ("h", 2 ** 15), ("H", 70000), ("H", -1),
                        ("i", 2 ** 31), ("I", -1), ("I", 2 ** 32), ("l", 2 ** 63), ("Q", -5), ("q", 2 ** 64)]:
    try:
        array.array(typecode, [value])
    except OverflowError as e:
        print(typecode, value, "OverflowError:", e)
attempts = [
    lambda: array.array("i", [1.5]),
    lambda: array.array("x"),
    lambda: array.array("i", "ab"),
    lambda: array.array("d", ["x"]),
    lambda: array.array("i", [1]) + array.array("d", [1.0]),
    lambda: array.array("i", [1]).extend(array.array("d")),
    lambda: a.__setitem__(slice(0, 1), [5]),
    lambda: array.array("i")[0],
    lambda: array.array("i").pop(),
    lambda: a.remove(99),
    lambda: a.index(99),
    lambda: array.array("i", [1]).frombytes(b"abc"),
]
for attempt in attempts:
    try:
        attempt()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
