# gilsim: expect=ok
# A pool made before the script imports what it sends: its workers were forked without
# `decimal`, `collections` or `datetime`, and import each as the first object of its kind
# arrives (CPython's unpickler imports the module a class is named in).
import multiprocessing as mp


def total(values):
    return str(sum(values))


def describe(thing):
    return "%s %s" % (type(thing).__name__, thing)


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        from decimal import Decimal
        import collections
        import datetime

        print(pool.map(total, [[Decimal("1.10"), Decimal("2.205")], [Decimal(3)]]))
        print(pool.apply(describe, (collections.OrderedDict(a=1),)))
        print(pool.apply(describe, (datetime.date(2020, 1, 2),)))
        print(pool.apply(describe, (collections.Counter("abca"),)))
