# gilsim: expect=ok
# Sets of numbers and tuples print in CPython's hash order: the slot layout of CPython's
# setobject.c (linear probing, dummies left by removals, growth at 3/5 full) for the same
# history of adds and removals, and set algebra that visits members as CPython's does.
# Threads add ids to a shared set: the set's order does not depend on which thread came first.
import threading

print({3, 1, 2, 10, 33, 64, -1})
seen = set()
for x in [100, 5, 37, 8, 1000, 2]:
    seen.add(x)
print(seen, 37 in seen, 36 in seen)
print({(1, 2), (3, 4), (0, 0)}, set([(i, i * i) for i in range(6)]))
print({1.5, 2.5, 0.5, -3, 2 ** 70})

multiples_of_3 = set(range(0, 40, 3))
multiples_of_5 = set(range(0, 40, 5))
print(multiples_of_3 | multiples_of_5)
print(multiples_of_3 & multiples_of_5, multiples_of_5 & multiples_of_3)
print(multiples_of_3 - multiples_of_5)
print(multiples_of_3 ^ multiples_of_5)
print(multiples_of_3.union([99, 98, 97], {1000, -5}))
print(multiples_of_3.intersection(multiples_of_5, range(20)), multiples_of_3.difference(multiples_of_5, [3]))
print(multiples_of_3.symmetric_difference(range(5)), multiples_of_3.issubset(range(40)))

shrinking = set(range(100))
for i in range(95):
    shrinking.discard(i)
print(shrinking)
for i in [1000, 2000, 3000, 7, 8]:
    shrinking.add(i)
print(shrinking, len(shrinking))

popped = set([17, 33, 49, 65, 1, 2])
print(popped.pop(), popped.pop(), popped)
print({x * 7 for x in range(20)})

grow = set()
grow |= {5, 3}
grow |= set(range(10, 20))
grow &= set(range(0, 30, 2))
grow -= {12}
grow ^= {100, 14}
print(grow, grow.copy(), sorted(grow))

ids = set()
lock = threading.Lock()


def record(first, count):
    for n in range(first, first + count):
        with lock:
            ids.add(n * 11)


threads = [threading.Thread(target=record, args=(k * 5, 5)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(ids)

# frozensets: CPython's hash (so a set of them iterates in CPython's order), the left
# operand's type for operators and methods, dict keys, no mutators.
frozen = frozenset([3, 1, 2])
groups = {frozenset({1, 2}), frozenset(), frozenset({3}), frozenset({1, 2, 3}), frozenset(range(10))}
print(frozen, repr(frozenset()), hash(frozenset()), hash(frozen), groups)
print(frozen | {9}, {9} | frozen, type(frozen & {1}).__name__, frozen.union([7]), frozen.copy() is frozen)
routes = {frozenset({"a", "b"}): 3, frozenset({"b", "c"}): 5}
print(routes[frozenset({"b", "a"})], frozenset({"c", "b"}) in routes, frozen == {1, 2, 3})
try:
    frozen.add(4)
except AttributeError as e:
    print("AttributeError:", e)
print("a-b_c".translate(str.maketrans("-_", "  ")), "Hi, you!".translate(str.maketrans("", "", ",!")))
