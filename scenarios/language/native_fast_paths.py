# The built-ins that calls reach on their fast path (len, isinstance, list.append, list.pop,
# dict.get, the deque steps) give what their full path gives, for the cases each path takes:
# a call with its arguments spread (`f(*args)`) always runs the full native.
# gilsim: expect=ok
import collections
import threading


class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "anything"


class Anything(metaclass=Meta):
    pass


class Sized:
    def __len__(self):
        return 7


class MyList(list):
    pass


def both(label, f, *args):
    """f(*args) by a plain call (the fast path where it applies) and spread (the full path),
    each on a copy of the arguments (pop and append change theirs)."""
    direct = outcome(lambda: call_direct(f, fresh(args)))
    spread = outcome(lambda: f(*fresh(args)))
    print(label, direct, "same" if direct == spread else ("DIFFERENT", spread))


def fresh(args):
    return tuple(type(a)(a) if type(a) in (list, MyList) else a for a in args)


def outcome(call):
    try:
        return ("ok", call())
    except Exception as e:
        return ("raised", type(e).__name__, str(e))


def call_direct(f, args):
    if len(args) == 1:
        return f(args[0])
    if len(args) == 2:
        return f(args[0], args[1])
    return f(args[0], args[1], args[2])


for value in ([1, 2], (1,), {"a": 1}, {1, 2, 3}, "héllo", b"ab", range(4), Sized(), 5, MyList([1, 2])):
    both("len", len, value)

for value, cls in [(1, int), (True, int), (1, str), ("x", Anything), (2, Anything), ([], (int, list)),
                   (MyList(), list), (None, type(None)), (3.5, float)]:
    both("isinstance", isinstance, value, cls)

items = [1, 2, 3, 4]
both("pop", list.pop, items)
both("pop", list.pop, items, 0)
both("pop", list.pop, items, -5)
both("pop", list.pop, items, 9)
both("pop", list.pop, [])
both("pop", list.pop, [], "0")
both("pop", list.pop, MyList([5, 6]))
print("left:", items, items.pop(), items.pop(0), items)
try:
    [].pop("0")
except TypeError as e:
    print("TypeError:", e)

grown = []
both("append", list.append, grown, 1)
both("append", list.append, MyList(), 1)
grown.append(2)
list.append(grown, 3)
print("grown:", grown)

d = {1: "one", "k": "kay", None: "none", True: "true?", (1, 2): "pair"}
for key in [1, "k", None, True, (1, 2), 2.0, "missing"]:
    both("get", dict.get, d, key)
    both("get", dict.get, d, key, "default")
both("get", dict.get, d, [1])
print("bound:", d.get(1), d.get("missing", 0), [1, 2].pop(), len("abc"))

window = collections.deque(maxlen=3)
for i in range(5):
    window.append(i)
window.appendleft(-1)
print("deque:", list(window), window.pop(), window.popleft(), list(window))
empty = collections.deque()
try:
    empty.popleft()
except IndexError as e:
    print("IndexError:", e)

counts = {}
lock = threading.Lock()


def worker(n):
    for i in range(n):
        with lock:
            counts[i % 3] = counts.get(i % 3, 0) + 1


threads = [threading.Thread(target=worker, args=(30,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counts:", sorted(counts.items()), len(counts))
