# Modelled on splitting a range into chunks and summing in a ThreadPoolExecutor.
import math
from concurrent.futures import ThreadPoolExecutor, as_completed


def chunk_sum(lo, hi):
    return lo, sum(i * i for i in range(lo, hi))


N = 10000
size = math.ceil(N / 4)
bounds = [(i, min(i + size, N)) for i in range(0, N, size)]
partials = {}
with ThreadPoolExecutor(max_workers=4) as ex:
    futures = [ex.submit(chunk_sum, lo, hi) for lo, hi in bounds]
    for f in as_completed(futures):
        lo, s = f.result()
        partials[lo] = s
total = sum(partials.values())
print("chunks:", bounds)
print("total:", total, total == (N - 1) * N * (2 * N - 1) // 6)
print("sqrt of total: %.3f" % math.sqrt(total), "log10: %.4f" % math.log10(total))
