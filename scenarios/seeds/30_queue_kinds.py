# Seed notes 004, queues: FIFO Queue, LIFO LifoQueue, PriorityQueue (lowest first; entries are
# (priority, name) tuples compared with <). The notes drain them with `while i < q.qsize()`
# where i stays 0 — it works because qsize() shrinks with every get().
# gilsim: expect=ok
import queue

fifo = queue.Queue()
lifo = queue.LifoQueue()
for n in (1, 2, 3):
    fifo.put(n)
    lifo.put(n)
i = 0
while i < fifo.qsize():
    print("fifo:", fifo.get())
while i < lifo.qsize():
    print("lifo:", lifo.get())

prio = queue.PriorityQueue()
for entry in [(1, "queue 1"), (-1, "queue 2"), (0, "queue 3"), (11, "queue 4"), (5, "queue 5")]:
    prio.put(entry)
while i < prio.qsize():
    print("priority:", prio.get())

prio.put((1, {"a": 1}))
try:
    prio.put((1, {"b": 2}))
except TypeError as e:
    print("TypeError:", e)
