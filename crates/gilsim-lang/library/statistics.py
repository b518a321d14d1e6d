# statistics: Lib/statistics.py's averages and spreads for ints and floats. Sums are exact
# (fractions kept as numerator/denominator pairs, as CPython's _sum keeps Fractions), so
# means and variances round once, as there. The sum of squared deviations follows each
# version's algorithm (3.6-3.9: deviations from the float mean; 3.10: exact deviations from
# the exact mean; 3.11+: exact one-pass sums), and stdev takes math.sqrt of the variance
# before 3.11 and the correctly rounded root of the exact fraction from 3.11, as there.
import _gilsim
from math import fsum as _fsum, sqrt as _sqrt, gcd as _gcd
from math import exp as _exp, log as _log


class StatisticsError(ValueError):
    pass


def _ratio(x):
    # Lib/statistics.py's _exact_ratio for the number types gilsim has.
    if type(x) is float:
        return x.as_integer_ratio()
    return (int(x), 1)


def _reduced(n, d):
    g = _gcd(n, d)
    if d < 0:
        g = -g
    return (n // g, d // g)


def _add(a, b):
    return _reduced(a[0] * b[1] + b[0] * a[1], a[1] * b[1])


def _sub(a, b):
    return _add(a, (-b[0], b[1]))


def _mul(a, b):
    return _reduced(a[0] * b[0], a[1] * b[1])


def _div(a, b):
    return _reduced(a[0] * b[1], a[1] * b[0])


def _coerce(T, S):
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int or T is bool:
        return S
    raise TypeError("can't convert type '%s' to numerator/denominator" % S.__name__)


def _special(values):
    # A NaN or an infinity among floats: CPython's _sum returns their float sum.
    total = 0.0
    for x in values:
        total += x
    return total


def _sum(data):
    # (type, exact total as (n, d) or a non-finite float, count)
    T = int
    values = list(data)
    total = (0, 1)
    for x in values:
        T = _coerce(T, type(x))
        if type(x) is float and (x != x or x in (float("inf"), float("-inf"))):
            return (T, _special(values), len(values))
        total = _add(total, _ratio(x))
    return (T, total, len(values))


def _convert(value, T):
    if type(value) is float:
        return value
    n, d = value
    if T is int and d == 1:
        return n
    return n / d


def mean(data):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    T, total, count = _sum(data)
    if type(total) is float:
        return total / n
    return _convert(_div(total, (n, 1)), T)


if _gilsim.version >= (3, 8):
    def fmean(data):
        data = list(data)
        n = len(data)
        total = _fsum(data)
        if n == 0:
            raise StatisticsError("fmean requires at least one data point")
        return total / n

    def geometric_mean(data):
        try:
            return _exp(fmean(map(_log, data)))
        except ValueError:
            raise StatisticsError("geometric mean requires a non-empty dataset "
                                  "containing positive numbers") from None

    def multimode(data):
        counts = {}
        for x in data:
            counts[x] = counts.get(x, 0) + 1
        if not counts:
            return []
        most = max(counts.values())
        return [value for value, count in counts.items() if count == most]

    def quantiles(data, *, n=4, method="exclusive"):
        if n < 1:
            raise StatisticsError("n must be at least 1")
        data = sorted(data)
        ld = len(data)
        if ld < 2:
            if ld == 1 and _gilsim.version >= (3, 13):
                return data * (n - 1)
            raise StatisticsError("must have at least two data points")
        if method == "inclusive":
            m = ld - 1
            result = []
            for i in range(1, n):
                j, delta = divmod(i * m, n)
                result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
            return result
        if method == "exclusive":
            m = ld + 1
            result = []
            for i in range(1, n):
                j = i * m // n
                j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
                delta = i * m - j * n
                result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
            return result
        raise ValueError("Unknown method: %r" % (method,))


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1):
    # The median of grouped continuous data: interpolated within the class interval of the
    # middle value (3.11 converts both to float first; before, a lone value is returned as is).
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    x = data[n // 2]
    from bisect import bisect_left, bisect_right
    i = bisect_left(data, x)
    j = bisect_right(data, x, lo=i)
    if _gilsim.version >= (3, 11):
        try:
            interval = float(interval)
            x = float(x)
        except ValueError:
            raise TypeError("Value cannot be converted to a float")
        return x - interval / 2.0 + interval * (n / 2 - i) / (j - i)
    if n == 1:
        return data[0]
    for obj in (x, interval):
        if isinstance(obj, (str, bytes)):
            raise TypeError("expected number but got %r" % (obj,))
    try:
        lower = x - interval / 2
    except TypeError:
        lower = float(x) - float(interval) / 2
    return lower + interval * (n / 2 - i) / (j - i)


def mode(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    if not counts:
        raise StatisticsError("no mode for empty data")
    most = max(counts.values())
    winners = [value for value, count in counts.items() if count == most]
    if len(winners) > 1 and _gilsim.version < (3, 8):
        raise StatisticsError("no unique mode; found %d equally common values" % len(winners))
    return winners[0]


def _ss(data, c=None):
    # (type, sum of squared deviations, count) by the version's algorithm.
    data = list(data)
    n = len(data)
    T, total, count = _sum(data)
    if type(total) is float:
        return (T, total, n)
    if c is not None:
        T, ss, count = _sum([(x - c) * (x - c) if _gilsim.version >= (3, 11) else (x - c) ** 2
                             for x in data])
        return (T, ss, n)
    if _gilsim.version < (3, 10):
        c = mean(data)
        T, ss, count = _sum([(x - c) ** 2 for x in data])
        U, deviations, count = _sum([x - c for x in data])
        if type(ss) is float or type(deviations) is float:
            return (T, ss, n)
        ss = _sub(ss, _div(_mul(deviations, deviations), (n, 1)))
        return (T, ss, n)
    mean_exact = _div(total, (n, 1)) if n else (0, 1)
    ss = (0, 1)
    for x in data:
        deviation = _sub(_ratio(x), mean_exact)
        ss = _add(ss, _mul(deviation, deviation))
    return (T, ss, n)


def _sqrt_of_frac(n, m):
    # Lib/statistics.py's _float_sqrt_of_frac (3.11+): the correctly rounded root of n/m.
    from math import isqrt as _isqrt
    q = (n.bit_length() - m.bit_length() - 109) // 2
    if q >= 0:
        a = _isqrt(n // (m << 2 * q))
        numerator = (a | (a * a * (m << 2 * q) != n)) << q
        denominator = 1
    else:
        a = _isqrt((n << -2 * q) // m)
        numerator = a | (a * a * m != (n << -2 * q))
        denominator = 1 << -q
    return numerator / denominator


def _mean_square(data, center, name, sample):
    # (type, mean squared deviation as (n, d), or a non-finite float): over n - 1 for a
    # sample, n for a population; too few points raise the function's own message before
    # any mean is taken.
    data = list(data)
    n = len(data)
    if sample and n < 2:
        raise StatisticsError("%s requires at least two data points" % name)
    if n < 1:
        raise StatisticsError("%s requires at least one data point" % name)
    T, ss, n = _ss(data, center)
    if type(ss) is float:
        return (T, ss)
    return (T, _div(ss, (n - 1 if sample else n, 1)))


def _root(mean_square):
    T, mss = mean_square
    if type(mss) is float:
        return _sqrt(mss)
    return _sqrt_of_frac(mss[0], mss[1])


def variance(data, xbar=None):
    T, mss = _mean_square(data, xbar, "variance", True)
    return _convert(mss, T)


def pvariance(data, mu=None):
    T, mss = _mean_square(data, mu, "pvariance", False)
    return _convert(mss, T)


def stdev(data, xbar=None):
    if _gilsim.version < (3, 11):
        return _sqrt(variance(data, xbar))
    return _root(_mean_square(data, xbar, "stdev", True))


def pstdev(data, mu=None):
    if _gilsim.version < (3, 11):
        return _sqrt(pvariance(data, mu))
    return _root(_mean_square(data, mu, "pstdev", False))


def harmonic_mean(data):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if n == 1 and type(data[0]) in (int, float):
        return data[0]
    for x in data:
        if x < 0:
            raise StatisticsError("harmonic mean does not support negative values")
        if x == 0:
            return 0
    # The reciprocals are float divisions, summed exactly, as CPython's _sum(1 / x ...).
    T, total, count = _sum([1 / x for x in data])
    if type(total) is float:
        return n / total
    return _convert(_div((n, 1), total), T)


# Statistics for relations between two inputs (3.10+), each release's arithmetic: fsum of
# deviation products up to 3.11, math.sumprod from 3.12, and 3.13's corrected square root.
def _paired(x, y, what):
    n = len(x)
    if len(y) != n:
        raise StatisticsError("%s requires that both inputs have same number of data points" % what)
    if n < 2:
        raise StatisticsError("%s requires at least two data points" % what)
    return n


def _centred(data, n):
    mean_value = _fsum(data) / n
    return mean_value, [v - mean_value for v in data]


def _rank(data, start):
    # Average ranks of tied values (3.12's statistics._rank), numbered from `start`.
    from itertools import groupby

    val_pos = sorted(zip(data, range(len(data))))
    i = start - 1
    result = [0] * len(val_pos)
    for _, g in groupby(val_pos, key=lambda pair: pair[0]):
        group = list(g)
        size = len(group)
        rank = i + (size + 1) / 2
        for _, orig_pos in group:
            result[orig_pos] = rank
        i += size
    return result


def _sqrtprod(x, y):
    # 3.13: sqrt(x * y) with a differential correction, scaled against overflow/underflow.
    from math import isfinite, isinf, sumprod

    h = _sqrt(x * y)
    if not isfinite(h):
        if isinf(h) and not isinf(x) and not isinf(y):
            scale = 2.0 ** -512
            return _sqrtprod(scale * x, scale * y) / scale
        return h
    if not h:
        if x and y:
            scale = 2.0 ** 537
            return _sqrtprod(scale * x, scale * y) / scale
        return h
    d = sumprod((x, h), (y, -h))
    return h + d / (2.0 * h)


def covariance(x, y, /):
    n = _paired(x, y, "covariance")
    xbar, dx = _centred(x, n)
    ybar, dy = _centred(y, n)
    if _gilsim.version >= (3, 12):
        from math import sumprod

        return sumprod(dx, dy) / (n - 1)
    return _fsum(a * b for a, b in zip(dx, dy)) / (n - 1)


def correlation(x, y, /, *, method="linear"):
    n = _paired(x, y, "correlation")
    if _gilsim.version < (3, 12):
        if method != "linear":
            raise TypeError("correlation() got an unexpected keyword argument 'method'")
        xbar, dx = _centred(x, n)
        ybar, dy = _centred(y, n)
        sxy = _fsum(a * b for a, b in zip(dx, dy))
        # 3.10 squared with `** 2.0`, 3.11 with a product.
        square = (lambda d: d ** 2.0) if _gilsim.version < (3, 11) else (lambda d: d * d)
        sxx = _fsum(square(a) for a in dx)
        syy = _fsum(square(b) for b in dy)
        root = lambda: _sqrt(sxx * syy)
    else:
        from math import sumprod

        if method not in {"linear", "ranked"}:
            raise ValueError("Unknown method: %r" % (method,))
        if method == "ranked":
            start = (n - 1) / -2
            dx, dy = _rank(x, start), _rank(y, start)
        else:
            dx, dy = _centred(x, n)[1], _centred(y, n)[1]
        sxy, sxx, syy = sumprod(dx, dy), sumprod(dx, dx), sumprod(dy, dy)
        root = (lambda: _sqrtprod(sxx, syy)) if _gilsim.version >= (3, 13) else (lambda: _sqrt(sxx * syy))
    try:
        return sxy / root()
    except ZeroDivisionError:
        raise StatisticsError("at least one of the inputs is constant")


def _linear_regression_result():
    from collections import namedtuple

    return namedtuple("LinearRegression", ("slope", "intercept"), module="statistics")


LinearRegression = _linear_regression_result()


def linear_regression(x, y, /, *, proportional=False):
    n = _paired(x, y, "linear regression")
    if proportional and _gilsim.version < (3, 11):
        raise TypeError("linear_regression() got an unexpected keyword argument 'proportional'")
    xbar = ybar = 0.0
    dx, dy = list(x), list(y)
    if not proportional:
        xbar, dx = _centred(x, n)
        ybar, dy = _centred(y, n)
    if _gilsim.version >= (3, 12):
        from math import sumprod

        sxy = sumprod(dx, dy) + 0.0
        sxx = sumprod(dx, dx)
    else:
        sxy = _fsum(a * b for a, b in zip(dx, dy))
        sxx = _fsum(a ** 2.0 if _gilsim.version < (3, 11) else a * a for a in dx)
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError("x is constant")
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)


if _gilsim.version < (3, 10):
    del covariance, correlation, linear_regression, LinearRegression
