# gilsim: expect=ok
# collections.deque's C methods (append, appendleft, pop, popleft, len) with CPython's
# argument errors per release; a deque subclass's repr names the subclass (3.7+); a
# queue.Queue keeps its items in a deque (q.queue), a LifoQueue and a PriorityQueue in
# lists; built-in methods print as CPython's, bound and unbound.
import queue
import threading
from collections import deque

d = deque([1, 2, 3], maxlen=4)
d.append(4)
d.append(5)
d.appendleft(0)
print(d, len(d), bool(d), bool(deque()), d.pop(), d.popleft(), d)
for method in ("pop", "popleft"):
    try:
        getattr(deque(), method)()
    except IndexError as e:
        print("IndexError:", e)
for call in (lambda: d.append(), lambda: d.append(1, 2), lambda: d.pop(1), lambda: d.popleft(1),
             lambda: d.appendleft(), lambda: d.__len__(1), lambda: d.append(x=1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


class History(deque):
    pass


h = History([1], maxlen=3)
h.append(2)
print(repr(h), str(History()), len(h), h.__len__())

q = queue.Queue()
for i in range(3):
    q.put(i)
print(q.queue, type(q.queue).__name__, q.queue[0], list(q.queue))
q.get()
with q.mutex:
    q.queue.clear()
print(q.qsize(), q.empty(), queue.LifoQueue().queue, queue.PriorityQueue().queue)

print(list.append, dict.get, str.join, deque.append, deque.popleft)
print(type(threading.Lock()).acquire, repr(threading.RLock().release).split(" at ")[0])
print(type(d.append).__name__, repr(d.append).split(" at ")[0], repr([].append).split(" at ")[0])
print(repr(threading.Lock().acquire).split(" at ")[0])
