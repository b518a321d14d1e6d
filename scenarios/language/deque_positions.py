# gilsim: expect=ok
# collections.deque beyond its ends: indexing (ints only, negative from the right), item
# assignment and deletion, insert into a bounded deque, rotate both ways, reverse, remove with
# its per-release message, copies and pickles, an iterator that fails once the deque changed
# (even by a pop and an append that leave its length), a deque that holds itself, and a long
# work list drained from the left (each popleft is O(1), as CPython's block list makes it).
import copy
import pickle
from collections import deque

ring = deque("abc", maxlen=5)
ring.extend("de")
ring.append("f")
print(ring, len(ring), ring.maxlen, ring[0], ring[-1], ring[2])
ring.rotate(2)
print(ring)
ring.rotate(-3)
print(ring)
try:
    ring.insert(0, "z")
except IndexError as e:
    print("IndexError:", e)
ring[1] = "B"
del ring[0]
print(ring, "B" in ring, ring.count("B"), ring.index("B"))
ring.insert(-1, "x")
print(ring.popleft(), ring)
ring.insert(100, "end")
print(ring)
ring.reverse()
print(ring)
ring.remove("x")
for bad in ("nothing", None):
    try:
        ring.remove(bad)
    except ValueError as e:
        print("ValueError:", e)
for index in ("0", 1.0, slice(0, 1), 10, -10):
    try:
        ring[index]
    except (TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
try:
    ring.maxlen = 9
except AttributeError:
    print("maxlen is read-only")
print(copy.copy(ring), copy.deepcopy(ring), pickle.loads(pickle.dumps(ring)))
print(ring == deque(ring), ring < deque(["zz"]), ring + deque("q"), deque("ab") * 2, list(reversed(ring)))

moving = deque(range(4))
walker = iter(moving)
print(next(walker))
moving.append(moving.popleft())
try:
    next(walker)
except RuntimeError as e:
    print("RuntimeError:", e)
walker = iter(moving)
moving[0] = "same length, no change of state"
print(list(walker))

loop = deque([1, 2])
loop.append(loop)
print(loop)
nothing = deque(maxlen=0)
nothing.extend(range(3))
print(nothing, bool(nothing))


class Tasks(deque):
    def take(self):
        return self.popleft() if self else None


work = Tasks(range(200000))
total = 0
while work:
    total += work.popleft()
    if total % 99991 == 0:
        work.append(1)
print(total, work.take(), Tasks([7]).take(), repr(Tasks("xy")))
