# Modelled on concurrent.futures examples submitting builtins and partials
from concurrent.futures import ThreadPoolExecutor
from functools import partial
import operator

def scaled(x, factor=1, offset=0):
    return x * factor + offset

with ThreadPoolExecutor(max_workers=3) as ex:
    f1 = ex.submit(pow, 2, 100)
    f2 = ex.submit(sorted, [3, 1, 2], reverse=True)
    f3 = ex.submit(partial(scaled, factor=10), 4, offset=2)
    squares = list(ex.map(partial(pow, exp=2), range(6)))
    sums = list(ex.map(operator.add, [1, 2, 3], [10, 20, 30]))
    mx = list(ex.map(max, [[1, 5], [7, 2]], ))
print(f1.result(), f2.result(), f3.result())
print(squares, sums, mx)
p = partial(scaled, 1, factor=3)
print(p.func.__name__, p.args, p.keywords, p(2))
