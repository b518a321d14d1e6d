# Star-argument calls: `f(*args)` forwarding (as threading.Condition's __exit__ does), tuples
# and lists still whole after being spread, several stars in one call, defaults filled after a
# spread, and returns from inside `with`, `try` and `for` blocks (a frame's block stack).
# gilsim: expect=ok
import threading


def show(*args, **kwargs):
    return "args=%r kwargs=%r" % (args, sorted(kwargs.items()))


def forward(*args):
    return show(*args)


def pair(a, b=10):
    return a + b


saved = (1, 2, 3)
print(forward(*saved), saved)
spread = [4, 5]
print(show(*spread, *saved, key="v"), spread)
print(pair(*(7,)), pair(*[1, 2]), pair(*range(2)))
print(show(*"ab", *(x * x for x in range(3))))
packed = forward(*saved)
again = forward(*saved)
print(packed == again, saved)


def identity(*args):
    return args


print(identity(*saved) == saved, type(identity(*saved)).__name__)
print(*saved, sep="-")
print(max(*spread), min(*saved, *spread))


def leave_mid_loop(items):
    for item in items:
        for inner in range(3):
            if inner == item:
                return "left at %d" % inner
    return "ran out"


print(leave_mid_loop([5, 1]), leave_mid_loop([]))


def nested_with():
    lock = threading.Lock()
    condition = threading.Condition(lock)
    with condition:
        with lock if False else threading.Lock():
            try:
                raise ValueError("inner")
            except ValueError as exc:
                return "handled " + str(exc)


print(nested_with(), nested_with())
results = []


def worker(*args):
    with threading.Condition():
        results.append(sum(args))


threads = [threading.Thread(target=worker, args=tuple(range(n))) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
