# gilsim: expect=ok
# The standard modules threaded programs lean on, as CPython prints them: collections,
# itertools, functools, contextlib, heapq, copy and math.
import collections
import contextlib
import copy
import functools
import heapq
import itertools
import math


class Config:
    def __init__(self):
        self.hosts = ["a", ["b"]]
        self.opts = {"retries": (3, [4])}


original = Config()
clone = copy.deepcopy(original)
clone.hosts[1].append("c")
print(original.hosts, clone.hosts, vars(clone), copy.copy(original).hosts is original.hosts)

tasks = collections.defaultdict(list)
tasks["io"].append("read")
more = tasks.copy()
more["cpu"].append("hash")
print(tasks, more, tasks["missing"], len(tasks))
words = collections.Counter("the cat and the hat and the bat".split())
print(words.most_common(2), words["dog"], sum(words.values()))
recent = collections.deque([1, 2, 3], maxlen=3)
recent.append(4)
recent.appendleft(0)
print(recent, recent.popleft(), recent.pop(), len(recent))
Job = collections.namedtuple("Job", "name priority")
job = Job("backup", priority=2)
name, priority = job
print(job, job.priority, job._replace(priority=1), job._asdict(), name, priority, job == ("backup", 2))
print(collections.OrderedDict([("a", 1), ("b", 2)]))

print(list(itertools.islice(itertools.count(10, 5), 3)), list(itertools.chain([1], (2, 3))))
print(list(itertools.product("ab", repeat=2)), list(itertools.permutations(range(3), 2)))
print(list(itertools.combinations("abcd", 2)), list(itertools.accumulate([1, 2, 3, 4])))
print([(k, list(g)) for k, g in itertools.groupby("aabbbc")], list(itertools.repeat("x", 3)))
# groupby's groups share its one pass: a group asked for late is empty (3.7+; before, the
# last one still reads while its key matches), and the input is read only as asked.
groups = list(itertools.groupby([1, 1, 2, 3, 3]))
print([(k, list(g)) for k, g in groups], type(groups[0][1]).__name__)
by_third = itertools.groupby(range(10), key=lambda x: x // 3)
first_key, first_group = next(by_third)
print(first_key, next(first_group), next(by_third)[0], list(first_group))
print(list(itertools.zip_longest("ab", "xyz", fillvalue="-")), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.compress("abcdef", [1, 0, 1])))


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info().misses, functools.reduce(lambda a, b: a * b, range(1, 6)))
add5 = functools.partial(lambda a, b: a + b, 5)
print(add5(10), sorted(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda x, y: len(x) - len(y))))
# cmp_to_key gives a functools.KeyWrapper (C in CPython 3): items wrapped by it compare
# through the cmp function, and only with each other.
by_length = functools.cmp_to_key(lambda x, y: len(x) - len(y))
short, long_ = by_length("a"), by_length("bbb")
print(type(by_length).__name__, short < long_, short == long_, short != long_, long_.obj)
for attempt in (lambda: short < "a", lambda: hash(short)):
    try:
        attempt()
    except TypeError as e:
        print("TypeError:", e)


@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n


print(Version(1) <= Version(2), Version(3) >= Version(2), max([Version(1), Version(4)]).n)

heap = []
for item in [5, 1, 8, 3, 2]:
    heapq.heappush(heap, item)
print([heapq.heappop(heap) for _ in range(3)], heapq.nlargest(2, [5, 1, 8]), heapq.nsmallest(2, [5, 1, 8]))
numbers = [9, 4, 7, 1]
heapq.heapify(numbers)
print(numbers[0], heapq.heappushpop(numbers, 0), heapq.heapreplace(numbers, 10))

print(math.floor(-2.5), math.ceil(2.1), math.sqrt(16), math.gcd(12, 18), math.factorial(10))
print(math.trunc(9.7), math.isclose(0.1 + 0.2, 0.3), math.pi, math.inf > 10 ** 100, math.fabs(-3))

with contextlib.suppress(KeyError):
    {}["missing"]
with contextlib.ExitStack() as stack:
    stack.callback(print, "callback ran")
    print("inside the stack")
print("done")

# sys.version_info as a struct sequence, clocks, number and str methods.
import sys
import threading
import time

major, minor = sys.version_info[:2]
print(sys.version_info.major == major, sys.version_info >= (3, 0), sys.version_info < (4,), len(sys.version_info))
print(time.process_time() >= 0, time.perf_counter() >= 0, threading.TIMEOUT_MAX > 0)
print((255).bit_length(), (2 ** 70).bit_length(), 2.0.is_integer(), 2.5.is_integer(), (7).conjugate())
print("{who} has {n:03d}".format_map({"who": "pool", "n": 7}), "x".zfill(4), "ab".center(7, "."))
