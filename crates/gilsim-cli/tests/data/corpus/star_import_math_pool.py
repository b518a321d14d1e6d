# Modelled on tutorial examples that pull whole modules in with star imports: a thread pool
# computes square roots and factorials (`from math import *`, `from concurrent.futures import *`),
# results are combined with functools and itertools, and a name imported before a star import
# keeps its binding, since the module's __all__ does not list the modules it imports.
from time import time, perf_counter
from math import *
from concurrent.futures import *
from functools import *
from itertools import *
from collections import *


def work(n):
    return n, round(sqrt(n), 3), factorial(n) % 1000


started = time()
with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(work, n) for n in range(1, 9)]
    done, pending = wait(futures, return_when=ALL_COMPLETED)
    results = sorted(f.result() for f in done)
print("done:", len(done), "pending:", len(pending))
for row in results:
    print(row)
print("sum of roots:", round(reduce(lambda a, b: a + b, (r[1] for r in results)), 3))
print("pairs:", list(islice(combinations(range(4), 2), 3)))
counts = Counter(r[2] % 10 for r in results)
print("last digits:", sorted(counts.items()))
print("clock is a function:", callable(time), type(perf_counter()).__name__, time() >= started)
print("pi, e:", round(pi, 5), round(e, 5), floor(-2.5), ceil(2.1))
