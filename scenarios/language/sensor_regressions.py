# gilsim: expect=ok
# Two worker threads sample paired sensors (temperature against power draw, load against
# latency) from seeded generators; the main thread pairs the series with zip(strict=True),
# which refuses a pair of unequal length, and fits them with statistics' relations
# (covariance, Pearson and 3.12's ranked correlation, linear_regression, 3.11's
# proportional fit) and math.sumprod. Each release computes these its own way (fsum of
# deviation products to 3.11, sumprod from 3.12, 3.13's corrected square root): the digits
# printed are each version's own. Releases before 3.10 fall back to a hand-written fit. Normal
# fits (NormalDist, 3.8+) bound each series; math.erf gives the two-sigma share.
import math
import random
import statistics
import sys
import threading

samples = {}
lock = threading.Lock()


def sample(name, seed, count, slope, noise):
    rng = random.Random(seed)
    xs, ys = [], []
    for i in range(count):
        x = round(20 + i * 1.5 + rng.uniform(-0.5, 0.5), 3)
        xs.append(x)
        ys.append(round(slope * x + 12 + rng.gauss(0, noise), 3))
    with lock:
        samples[name] = (xs, ys)


workers = [
    threading.Thread(target=sample, args=("temp/power", 11, 12, 3.7, 2.5)),
    threading.Thread(target=sample, args=("load/latency", 29, 9, 0.85, 0.4)),
]
for w in workers:
    w.start()
for w in workers:
    w.join()

has_relations = sys.version_info >= (3, 10)
for name in sorted(samples):
    xs, ys = samples[name]
    print(name, "n=%d" % len(xs))
    if has_relations:
        pairs = list(zip(xs, ys, strict=True))
        print("  first pairs:", pairs[:2])
        print("  covariance %.6f" % statistics.covariance(xs, ys))
        print("  correlation", statistics.correlation(xs, ys))
        fit = statistics.linear_regression(xs, ys)
        print("  fit", fit)
        print("  fit fields", type(fit).__name__, fit._fields, round(fit.slope, 4))
    else:
        n = len(xs)
        xbar, ybar = math.fsum(xs) / n, math.fsum(ys) / n
        slope = math.fsum((x - xbar) * (y - ybar) for x, y in zip(xs, ys)) / math.fsum((x - xbar) ** 2 for x in xs)
        print("  fit by hand slope=%.4f" % slope)
    if sys.version_info >= (3, 11):
        print("  through origin", statistics.linear_regression(xs, ys, proportional=True))
    if sys.version_info >= (3, 12):
        print("  ranked correlation", statistics.correlation(xs, ys, method="ranked"))
        print("  sumprod", math.sumprod(xs, ys), math.sumprod([2, 3], [4, 5]), math.sumprod([1.5, 2], [4, True]))

if has_relations:
    xs, ys = samples["temp/power"]
    for series in ((xs, ys[:-1]), (xs[:3], ys), ([1, 2], [3, 4], [5]), (xs, ys)):
        try:
            print("paired:", len(list(zip(*series, strict=True))))
        except ValueError as e:
            print("mismatch:", e)
    for bad in (([1.0], [2.0]), ([1.0, 2.0], [1.0, 2.0, 3.0]), ([4.0, 4.0, 4.0], [1.0, 2.0, 3.0])):
        try:
            statistics.correlation(*bad)
        except statistics.StatisticsError as e:
            print("statistics:", e)
    try:
        statistics.linear_regression([2, 2], [1, 3])
    except statistics.StatisticsError as e:
        print("statistics:", e)

# Control limits for the readings: a normal fit per series (3.8+), its quantiles and the share
# of readings within two sigma by the error function.
if sys.version_info >= (3, 8):
    for name in sorted(samples):
        xs, ys = samples[name]
        fit = statistics.NormalDist.from_samples(ys)
        low, high = fit.inv_cdf(0.025), fit.inv_cdf(0.975)
        print(name, "normal fit", fit, "quartiles", [round(q, 3) for q in fit.quantiles()])
        print("  95%% band %.4f..%.4f, pdf at mean %.6f, cdf(mean + sigma) %r" % (low, high, fit.pdf(fit.mean),
                                                                            fit.cdf(fit.mean + fit.stdev)))
        print("  overlap with the next batch", fit.overlap(fit + 1.5), "scaled", fit * 2, "samples", fit.samples(2, seed=7))
print("within two sigma:", math.erf(2 / math.sqrt(2)), "tail:", math.erfc(3.0), math.erf(-0.3))
