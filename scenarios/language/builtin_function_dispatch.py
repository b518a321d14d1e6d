# gilsim: expect=ok
# A small job runner keeps a table of operations — the operator module's functions, heapq's,
# math's, struct's, a lambda and a plain function of the script — and two worker threads take
# jobs from a queue. The report names each operation as CPython would: a function CPython
# writes in C is a built-in (`<built-in function add>`, `inspect.isbuiltin`, `__module__`
# '_operator', no `__code__`), the script's own functions are Python functions. Operations are
# sent to a pool by reference (pickle names `_operator.mul`), and `functools.partial` and
# `functools.wraps` show the built-in they hold.
import functools
import heapq
import inspect
import math
import operator
import pickle
import queue
import struct
import threading
import types


def halve(x):
    return x / 2


OPERATIONS = {
    "add": operator.add,
    "mul": operator.mul,
    "neg": operator.neg,
    "isqrt": math.isqrt if hasattr(math, "isqrt") else int,
    "floor": math.floor,
    "pack": functools.partial(struct.pack, ">H"),
    "halve": halve,
    "square": lambda x: x * x,
}


def kind(fn):
    if isinstance(fn, functools.partial):
        return "partial of " + kind(fn.func)
    if inspect.isbuiltin(fn):
        return "built-in from %s" % fn.__module__
    if inspect.isfunction(fn):
        return "Python function from %s" % fn.__module__
    return type(fn).__name__


jobs = queue.Queue()
results = []
results_lock = threading.Lock()


def worker():
    while True:
        job = jobs.get()
        if job is None:
            break
        name, args = job
        value = OPERATIONS[name](*args)
        with results_lock:
            results.append((name, args, value))


threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
for job in [("add", (2, 3)), ("mul", (4, 5)), ("neg", (7,)), ("isqrt", (50,)), ("floor", (2.5,)),
            ("pack", (513,)), ("halve", (9,)), ("square", (12,))]:
    jobs.put(job)
for _ in threads:
    jobs.put(None)
for t in threads:
    t.join()

for name, args, value in sorted(results):
    print("%-6s %-10r -> %r" % (name, args, value))
for name in sorted(OPERATIONS):
    fn = OPERATIONS[name]
    print("%-6s %s" % (name, kind(fn)))

print(operator.add, heapq.heappush, math.floor, functools.reduce)
print(type(operator.add).__name__, type(halve).__name__, type(operator.add) is types.BuiltinFunctionType)
print(operator.add.__name__, operator.add.__qualname__, operator.add.__module__)
print(heapq.heappush.__module__, functools.reduce.__module__, struct.pack.__module__, math.floor.__module__)
for attribute in ("__code__", "__defaults__", "__globals__", "__dict__"):
    print(attribute, hasattr(operator.add, attribute), hasattr(halve, attribute))
try:
    operator.mul.__code__
except AttributeError as exc:
    print("AttributeError:", exc)
print(operator.add.__self__.__name__ in ("operator", "_operator"), len.__self__.__name__)
print(functools.partial(operator.mul, 3), functools.partial(operator.mul, 3)(5))
wrapped = functools.wraps(operator.add)(lambda a, b: a + b)
print(wrapped.__name__, wrapped.__module__, wrapped.__wrapped__)

# By reference: the pickle names the C module, and loading finds the same function.
data = pickle.dumps([operator.mul, heapq.heappop, math.floor], protocol=2)
print(b"_operator" in data, b"_heapq" in data, b"math" in data)
mul, heappop, floor = pickle.loads(data)
print(mul is operator.mul, heappop is heapq.heappop, floor(3.7))
heap = [5, 1, 4]
heapq.heapify(heap)
print(functools.reduce(operator.add, [heappop(heap) for _ in range(3)], 0))

# What the C functions refuse, in each release's words.
refused = [
    ("reduce of nothing", lambda: functools.reduce(operator.add, [])),
    ("reduce of a number", lambda: functools.reduce(operator.add, 5)),
    ("pop an empty heap", lambda: heapq.heappop([])),
    ("replace in an empty heap", lambda: heapq.heapreplace([], 1)),
    ("push onto None", lambda: heapq.heappush(None, 1)),
    ("heapify a tuple", lambda: heapq.heapify((3, 1))),
    ("factorial of 2.5", lambda: math.factorial(2.5)),
    ("factorial of -1", lambda: math.factorial(-1)),
    ("floor of text", lambda: math.floor("x")),
    ("ceil of None", lambda: math.ceil(None)),
    ("gcd of a float", lambda: math.gcd(1.5, 2)),
]
if hasattr(math, "comb"):
    refused += [("comb with k < 0", lambda: math.comb(3, -1)), ("perm with n < 0", lambda: math.perm(-3, 1))]
for what, attempt in refused:
    try:
        print(what, "->", attempt())
    except (TypeError, ValueError, IndexError) as exc:
        print(what, "->", type(exc).__name__, exc)
print(math.floor(2.5), math.ceil(2.5), math.floor(-0.5), math.comb(5, 2) if hasattr(math, "comb") else 10)
