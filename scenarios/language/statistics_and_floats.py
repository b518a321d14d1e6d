# gilsim: expect=ok
# statistics (exact sums, each version's variance and stdev algorithm), math.fsum, frexp/ldexp,
# float.as_integer_ratio, sum() of floats, and float reprs that fall exactly between two
# shortest candidates; nan and inf in every format; `from __future__` imports (accepted, all
# on in Python 3); the inverse hyperbolic and gamma functions, and math.remainder.
from __future__ import division, print_function
import statistics as st
datasets = [[1, 2, 3, 4], [1, 2, 3], [0.1, 0.2, 0.3], [2.5, 3.25, 5.5, 11.25, 11.75], [1e16, 1.0, -1e16, 3.3], [0.1] * 7 + [0.7],
            [10, 20, 20, 30, 0.5], [3, 3, 1, 2, 2]]
for d in datasets:
    print(st.mean(d), st.median(d), st.median_low(d), st.median_high(d))
    print(st.variance(d), st.pvariance(d), st.stdev(d), st.pstdev(d))
    try:
        print(st.mode(d))
    except st.StatisticsError as e:
        print("StatisticsError:", e)
    if hasattr(st, "fmean"):
        print(st.fmean(d), st.multimode(d), st.quantiles(d), st.quantiles(d, n=10, method="inclusive"))
print(st.harmonic_mean([40, 60]), st.variance([1, 2, 3, 4], 2.5))
for f, arg in [(st.mean, []), (st.variance, [1]), (st.stdev, [1]), (st.median, []), (st.pvariance, []), (st.pstdev, [])]:
    try:
        f(arg)
    except st.StatisticsError as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
print(st.geometric_mean([1, 3, 9]) if hasattr(st, "geometric_mean") else "")
import math
import threading

for x in [0.1, -2.5, 1e300, 5e-324, 3.0, 2.0 ** 70]:
    print(x.as_integer_ratio(), math.frexp(x))
print(math.fsum([0.1, 0.2, 0.3]), math.fsum([1e-16, 1, 1e16]), math.fsum(range(10)))
print(math.ldexp(0.875, 2), math.ldexp(1.0, -1074))
for bad in ([float("inf"), float("-inf")], [1e308, 1e308]):
    try:
        math.fsum(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(-9999999999999992.0 / 10, 999999999999999.25, 1e16 + 2.0, 123456789012345.625)

# Threads measure; the main thread summarises.
samples = []
lock = threading.Lock()


def sample(i):
    with lock:
        samples.append((i * 37 % 11) / 4)


workers = [threading.Thread(target=sample, args=(i,)) for i in range(12)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sorted(samples))
print(st.mean(samples), st.median(samples), st.pstdev(samples), st.variance(samples))
nan, inf = float("nan"), float("inf")
for spec in ["f", ".3f", "F", "e", "E", "g", "G", "%", "", "10.2f", "+f", "08.2f"]:
    print(repr(spec), repr(format(nan, spec)), repr(format(-nan, spec)), repr(format(inf, spec)), repr(format(-inf, spec)))
print("%f %F %e %g %5.1f %E %G" % (nan, nan, inf, -inf, nan, nan, inf), f"{nan:>8.2f}|{-0.0:f}|{-0.0:g}")
# sum(): exact float totals are compensated from 3.12 (0.1 * 10 sums to 1.0 there), ints in
# a float total are added as doubles, and any other item ends the compensated loop.
for xs in [[0.1] * 10, [1e100, 1.0, -1e100], [1, 0.1, 2], [2**70, 0.1, 0.2], [0.1, True, 0.7], [-0.0, -0.0]]:
    print(repr(sum(xs)), repr(sum(xs, 0.0)), repr(sum(xs, -0.0)))
# Inverse hyperbolic functions as glibc computes them (Rust's own differ in the last bit for
# some arguments), their domain errors, and math.remainder (3.7+), IEEE 754's.
import math
print([repr(f(x)) for x in (0.37, 1.3, 2.11, 3.22, 7.29, 1e9) for f in (math.asinh, math.acosh) if x >= 1 or f is math.asinh])
print([repr(math.atanh(x)) for x in (-0.99, -0.37, 1e-10, 0.5, 0.75)])
for f, x in ((math.acosh, 0.5), (math.atanh, 1.0)):
    try:
        f(x)
    except ValueError as error:
        print(f.__name__, x, "ValueError:", error)
if hasattr(math, "remainder"):
    print([math.remainder(*a) for a in ((10, 3), (11, 3), (-7.5, 2), (2.5, 1), (3.5, 1), (5, math.inf))])
print([repr(math.gamma(x)) for x in (0.5, 1.5, 5.0, 7.3, -2.5, 30.1)], [repr(math.lgamma(x)) for x in (0.5, 3.7, 100.0, -2.5)])
for f, x in ((math.gamma, -3.0), (math.gamma, 180.0), (math.lgamma, 0.0)):
    try:
        f(x)
    except (ValueError, OverflowError) as error:
        print(f.__name__, x, type(error).__name__, error)
