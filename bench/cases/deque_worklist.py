# Benchmark case: a breadth-first search over a 300 x 300 grid with a collections.deque as
# its work list (appends at the right, poplefts at the left, up to a few hundred items
# queued), then a round-robin of 2*10^4 rotations, and a bounded deque of recent values —
# the ways real programs use a deque. Each end of a deque is O(1), as in CPython.
from collections import deque

SIDE = 300
distance = {(0, 0): 0}
frontier = deque([(0, 0)])
while frontier:
    x, y = frontier.popleft()
    step = distance[(x, y)] + 1
    for nx, ny in ((x + 1, y), (x, y + 1), (x - 1, y), (x, y - 1)):
        if 0 <= nx < SIDE and 0 <= ny < SIDE and (nx, ny) not in distance:
            distance[(nx, ny)] = step
            frontier.append((nx, ny))

ring = deque(range(50))
turns = 0
for _ in range(20000):
    ring.rotate(-1)
    turns += ring[0]

recent = deque(maxlen=16)
for value in range(100000):
    recent.append(value)
print(distance[(SIDE - 1, SIDE - 1)], len(distance), turns, sum(recent))
