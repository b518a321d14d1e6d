# Modelled on scripts sizing a thread pool from os.cpu_count()
import os
from concurrent.futures import ThreadPoolExecutor
from functools import reduce
import operator
import math

workers = min(4, os.cpu_count() or 1)
def factorial_chunk(bounds):
    lo, hi = bounds
    return reduce(operator.mul, range(lo, hi), 1)

chunks = [(1, 6), (6, 11), (11, 16), (16, 21)]
with ThreadPoolExecutor(max_workers=workers) as ex:
    parts = list(ex.map(factorial_chunk, chunks))
print(workers > 0, parts[:2], reduce(operator.mul, parts) == math.factorial(20))
print(divmod(math.factorial(20), 10**9), math.prod([2, 3, 4]))
