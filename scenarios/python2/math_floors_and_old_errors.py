# Pay slips rounded by three 2.7 worker threads: math.floor and math.ceil return floats in
# 2.7 (`2.0`, and a zero keeps its sign), ints and objects with __float__ go through float;
# the report's lookups of names 2.7's modules lack fail as 2.7 words it ("'module' object has
# no attribute"), as does a `with` on an object without __exit__ (2.7 looks it up first).
# (run with --python 2.7; compared with CPython 2.7)
# gilsim: expect=ok python=2.7
import math
import threading
from fractions import Fraction

rates = [12.5, 9.99, 15, -0.25, Fraction(7, 2)]
slips = {}
lock = threading.Lock()


def round_pay(worker, hours):
    rows = []
    for rate in rates:
        pay = rate * hours
        rows.append((math.floor(pay), math.ceil(pay)))
    with lock:
        slips[worker] = rows


threads = [threading.Thread(target=round_pay, args=(name, hours)) for name, hours in [("ann", 8), ("bo", 7.5), ("cy", 0)]]
for t in threads:
    t.start()
for t in threads:
    t.join()
for name in sorted(slips):
    print name, slips[name]
print math.floor(-0.0), math.ceil(-0.5), math.floor(3), type(math.ceil(2)).__name__

for missing in ("isqrt", "comb", "inf"):
    try:
        getattr(math, missing)
    except AttributeError, e:
        print "AttributeError:", e


class Ledger(object):
    def __enter__(self):
        return self


try:
    with Ledger():
        pass
except AttributeError, e:
    print "AttributeError:", e
