# gilsim: expect=ok
# Unpacking takes items one at a time, as CPython's UNPACK_SEQUENCE does: `a, b = gen()` runs
# the generator one item past the targets (to see that there are too many) and no further,
# an endless iterator (itertools.count) or a huge range ends there too, a shared iterator
# keeps its rest; a starred target takes everything. Unpacking what is not iterable is
# "cannot unpack non-iterable int object" from 3.7. Threads unpack from one shared iterator.
import itertools
import threading


def countdown(n, log):
    while n:
        log.append(n)
        yield n
        n -= 1


log = []
try:
    a, b = countdown(5, log)
except ValueError as e:
    print(e, log)
try:
    (only,) = itertools.count(1)
except ValueError as e:
    print(e)
try:
    low, high = range(10**12)
except ValueError as e:
    print(e)
for value in (5, None, 2.5):
    try:
        x, y = value
    except TypeError as e:
        print(e)
first, *rest = countdown(3, log)
print(first, rest, log)

shared = iter(range(10))
taken = []
lock = threading.Lock()


def take_pairs():
    while True:
        with lock:
            try:
                pair = next(shared), next(shared)
            except StopIteration:
                return
            left, right = iter(pair)
            taken.append((left, right))


workers = [threading.Thread(target=take_pairs) for _ in range(2)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sorted(taken))
it = iter([1, 2, 3, 4])
try:
    p, q = it
except ValueError as e:
    print(e, list(it))
