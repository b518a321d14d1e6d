# Python 2's iterator protocol: a class iterates through its `next` method, `it.next()` asks
# any iterator for its next item, and an attribute called `next` (a linked list's) is left
# alone; three threads each drain their own countdown iterator under a lock
# (run with --python 2.7; compared with CPython 2.7).
# gilsim: expect=ok python=2.7
import threading

class Countdown(object):
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def next(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

class Node(object):
    def __init__(self, v, nxt=None):
        self.v = v
        self.next = nxt

c = Countdown(3)
print list(c), Countdown(2).next()
it = iter([1, 2])
print it.next(), next(it)
n = Node(1, Node(2))
print n.next.v, n.next.next
lock = threading.Lock()
total = [0]
def work():
    for x in Countdown(1000):
        with lock:
            total[0] += 1
ts = [threading.Thread(target=work) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print total
