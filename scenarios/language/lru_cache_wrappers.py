# gilsim: expect=ok
# functools.lru_cache as threaded code uses it: worker threads share a cached lookup, and
# the wrapper keeps its function's name, docstring and __wrapped__ (so functools.wraps over
# it works). Keys are CPython's: keyword order counts, `typed` tells 3 from 3.0, a negative
# maxsize is each version's; cache_info() is a CacheInfo tuple, cache_parameters() (3.9+),
# and the TypeError for a bad maxsize.
import functools
import threading


@functools.lru_cache(maxsize=None)
def price(item, qty=1):
    "Price of an order line."
    return len(item) * qty


lines = [("apple", 2), ("fig", 1), ("apple", 2), ("kiwi", 3), ("fig", 1)]
totals = []
lock = threading.Lock()


def worker(chunk):
    subtotal = sum(price(item, qty=qty) for item, qty in chunk)
    with lock:
        totals.append(subtotal)


threads = [threading.Thread(target=worker, args=(lines[i::2],)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(totals), price.cache_info().currsize)
print(price.__name__, price.__doc__, price.__qualname__, price.__wrapped__.__name__, type(price).__name__)
price.cache_clear()
price("plum", qty=2)
price(qty=2, item="plum")
price(item="plum", qty=2)
price(item="plum", qty=2)
info = price.cache_info()
print(info, info.hits, info[1], tuple(info), info._asdict(), info == (1, 3, None, 3), len(info))


@functools.lru_cache(typed=True)
def same(x):
    return x


same(3)
same(3.0)
same(3)
print(same.cache_info(), same.cache_parameters() if hasattr(same, "cache_parameters") else "-")


@functools.lru_cache(maxsize=-5)
def negative(x):
    return x


negative(1)
negative(1)
print(negative.cache_info())
try:
    functools.lru_cache(maxsize="x")
except TypeError as e:
    print("TypeError:", e)


class Catalog:
    @functools.lru_cache()
    def lookup(self, key):
        return key * 2


catalog = Catalog()
print(catalog.lookup(2), catalog.lookup(2), Catalog.lookup.cache_info())


@functools.wraps(price)
def logged(*args):
    return price(*args)


print(logged.__name__, logged.__wrapped__ is price, logged("pear"), functools.lru_cache(3)(abs)(-2))
