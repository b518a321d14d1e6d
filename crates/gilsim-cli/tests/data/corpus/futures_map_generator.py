# Modelled on executor.map over a generator with zip for the pairs.
from concurrent.futures import ThreadPoolExecutor


def numbers():
    for i in range(1, 9):
        yield i


def cube(x):
    return x ** 3


with ThreadPoolExecutor(max_workers=4) as ex:
    nums = list(numbers())
    for n, c in zip(nums, ex.map(cube, nums)):
        print("%d^3 = %d" % (n, c))
    total = sum(ex.map(cube, numbers()))
print("sum of cubes:", total)
print("check:", total == (8 * 9 // 2) ** 2)
