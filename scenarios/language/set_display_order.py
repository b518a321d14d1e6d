# gilsim: expect=ok
# The order a set prints in: a display of five or more constants is, from 3.9, CPython's
# frozenset constant merged into an empty set (a `for` loop iterates the constant itself,
# from 3.8), which differs from building the set member by member; tuples hash with the
# multiply-xor algorithm before 3.8 and xxHash's from 3.8, so sets of tuples print in another
# order there. Sets built at run time and comprehensions insert in order.
import threading

print({10, 20, 30, 40, 50}, set([10, 20, 30, 40, 50]), {1.5, 2.5, 17.0, 33.0, 65.0})
print({(1, 2), (3, 4), (5, 6), (0, 9), (2, 2)}, {-5, 100, 37, 8, 1, 64, 33})
print(hash((1, 2)), hash(()), hash((1, (2, 3))), hash((-1, 0.5)))
for value in {1.5, 2.5, 17.0, 33.0, 65.0}:
    print(value, end=" ")
print()
print([v for v in {10, 20, 30, 40, 50}], {v for v in {10, 20, 30, 40, 50}}, list({1.5, 2.5, 17.0, 33.0, 65.0}))
x = 40
print({10, 20, 30, x, 50}, {1, 2, 3}, 20 in {10, 20, 30, 40, 50})

seen = set()
lock = threading.Lock()


def record(base):
    for k in range(3):
        with lock:
            seen.add((base, k * 16))


threads = [threading.Thread(target=record, args=(b,)) for b in (1, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(seen), len(seen), {(1, 0), (2, 16), (1, 32), (2, 0), (1, 16)} <= seen)
