# gilsim: expect=ok
# A generator's state as threads see it (gi_running, gi_frame, inspect.getgeneratorstate),
# `__import__` of a module named by a literal, the reprs of threading's objects (3.11 added
# their state), and random's distributions drawn from a seeded generator as CPython draws them
# (3.12's binomialvariate too).
import inspect
import random
import threading


def numbers(n):
    i = 0
    while i < n:
        print("  inside:", inspect.getgeneratorstate(gen), gen.gi_running)
        yield i
        i += 1


gen = numbers(2)
print(inspect.getgeneratorstate(gen), gen.gi_frame.f_lineno, gen.gi_code.co_name)
print(next(gen), inspect.getgeneratorstate(gen), gen.gi_frame.f_lineno)
seen = []
reader = threading.Thread(target=lambda: seen.append(inspect.getgeneratorstate(gen)))
reader.start()
reader.join()
print(seen, list(gen), inspect.getgeneratorstate(gen), gen.gi_frame)

time_module = __import__("time")
path_module = __import__("os.path")
collections_module = __import__("collections", globals(), locals(), ["deque"], 0)
print(time_module.__name__, path_module.__name__, collections_module.deque([1, 2], maxlen=1))
print(__import__("threading").current_thread().name)
try:
    __import__("")
except ValueError as error:
    print("ValueError:", error)
try:
    __import__(5)
except TypeError as error:
    print("TypeError:", error)

for obj in [threading.Semaphore(2), threading.BoundedSemaphore(1), threading.Event(), threading.Barrier(3)]:
    print(repr(obj).split(" at ")[0].split(" object")[0])

r = random.Random(2024)
draws = [r.gammavariate(0.5, 2), r.gammavariate(1.0, 3), r.gammavariate(4.5, 1), r.betavariate(2, 5),
         r.vonmisesvariate(0.5, 2), r.vonmisesvariate(1, 0), r.paretovariate(2.5), r.weibullvariate(2, 1.5),
         r.lognormvariate(0, 0.5), r.normalvariate(10, 2), r.expovariate(0.5), r.triangular(0, 10, 3)]
print(["%.12g" % x for x in draws])
random.seed(11)
print("%.12g %.12g" % (random.gammavariate(2, 2), random.betavariate(0.5, 0.5)))
try:
    random.gammavariate(-1, 1)
except ValueError as error:
    print("ValueError:", error)
if hasattr(random, "binomialvariate"):
    # 3.12+: geometric jumps for small n * p, BTRS rejection for large.
    print([r.binomialvariate(n, p) for n, p in ((1, 0.3), (20, 0.3), (100, 0.75), (500, 0.5), (7, 1.0))])
    try:
        random.binomialvariate(5, 1.5)
    except ValueError as error:
        print("ValueError:", error)
