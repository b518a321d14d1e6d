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


def _square(v):
    # 3.10 squared with `** 2.0`, 3.11 with a product.
    return v ** 2.0 if _gilsim.version < (3, 11) else v * v


def _sum_of_products(a, b):
    # fsum of the rounded products to 3.11, math.sumprod's exact ones from 3.12.
    if _gilsim.version >= (3, 12):
        from math import sumprod

        return sumprod(a, b)
    return _fsum(x * y for x, y in zip(a, b))


def _sum_of_squares(d):
    if _gilsim.version >= (3, 12):
        return _sum_of_products(d, d)
    return _fsum(_square(v) for v in d)


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
    dx, dy = _centred(x, n)[1], _centred(y, n)[1]
    return _sum_of_products(dx, dy) / (n - 1)


def correlation(x, y, /, *, method="linear"):
    n = _paired(x, y, "correlation")
    if _gilsim.version < (3, 12) and method != "linear":
        raise TypeError("correlation() got an unexpected keyword argument 'method'")
    if method not in {"linear", "ranked"}:
        raise ValueError("Unknown method: %r" % (method,))
    if method == "ranked":
        start = (n - 1) / -2
        dx, dy = _rank(x, start), _rank(y, start)
    else:
        dx, dy = _centred(x, n)[1], _centred(y, n)[1]
    sxy, sxx, syy = _sum_of_products(dx, dy), _sum_of_squares(dx), _sum_of_squares(dy)
    try:
        return sxy / (_sqrtprod(sxx, syy) if _gilsim.version >= (3, 13) else _sqrt(sxx * syy))
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
    sxy = _sum_of_products(dx, dy)
    if _gilsim.version >= (3, 12):
        sxy += 0.0  # 3.12's sumprod of ints is an int; the slope is a float
    sxx = _sum_of_squares(dx)
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError("x is constant")
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)


if _gilsim.version < (3, 10):
    del covariance, correlation, linear_regression, LinearRegression


# NormalDist (3.8+): Lib/statistics.py's, each release's arithmetic (squares by `** 2.0`
# before 3.11; from_samples with the exact mean from 3.11; samples by gauss() until 3.12 and
# by the inverse CDF of random() from 3.13).
def _normal_dist_inv_cdf(p, mu, sigma):
    # Wichura's AS241 (1988), as CPython's _statistics module computes it.
    q = p - 0.5
    if abs(q) <= 0.425:
        r = 0.180625 - q * q
        num = (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r +
                    6.7265770927008700853e+4) * r + 4.5921953931549871457e+4) * r +
                  1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r +
                1.3314166789178437745e+2) * r + 3.3871328727963666080e+0) * q
        den = (((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r +
                    3.9307895800092710610e+4) * r + 2.1213794301586595867e+4) * r +
                  5.3941960214247511077e+3) * r + 6.8718700749205790830e+2) * r +
                4.2313330701600911252e+1) * r + 1.0)
        return mu + (num / den * sigma)
    r = p if q <= 0.0 else 1.0 - p
    r = _sqrt(-_log(r))
    if r <= 5.0:
        r = r - 1.6
        num = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r +
                    2.41780725177450611770e-1) * r + 1.27045825245236838258e+0) * r +
                  3.64784832476320460504e+0) * r + 5.76949722146069140550e+0) * r +
                4.63033784615654529590e+0) * r + 1.42343711074968357734e+0)
        den = (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r +
                    1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r +
                  6.89767334985100004550e-1) * r + 1.67638483018380384940e+0) * r +
                2.05319162663775882187e+0) * r + 1.0)
    else:
        r = r - 5.0
        num = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r +
                    1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r +
                  2.96560571828504891230e-1) * r + 1.78482653991729133580e+0) * r +
                5.46378491116411436990e+0) * r + 6.65790464350110377720e+0)
        den = (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r +
                    1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r +
                  1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r +
                5.99832206555887937690e-1) * r + 1.0)
    x = num / den
    if q < 0.0:
        x = -x
    return mu + (x * sigma)


class NormalDist:
    __slots__ = ("_mu", "_sigma")

    def __init__(self, mu=0.0, sigma=1.0):
        if sigma < 0.0:
            raise StatisticsError("sigma must be non-negative")
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        if _gilsim.version >= (3, 11):
            data = list(data)
            if len(data) < 2:
                raise StatisticsError("stdev requires at least two data points")
            return cls(float(mean(data)), stdev(data))
        if not isinstance(data, (list, tuple)):
            data = list(data)
        xbar = fmean(data)
        return cls(xbar, stdev(data, xbar))

    def samples(self, n, *, seed=None):
        import random

        mu, sigma = self._mu, self._sigma
        if _gilsim.version >= (3, 13):
            rnd = random.random if seed is None else random.Random(seed).random
            return [_normal_dist_inv_cdf(rnd(), mu, sigma) for _ in range(n)]
        gauss = random.gauss if seed is None else random.Random(seed).gauss
        return [gauss(mu, sigma) for _ in range(n)]

    def pdf(self, x):
        from math import tau

        variance = _square(self._sigma)
        if not variance:
            raise StatisticsError("pdf() not defined when sigma is zero")
        return _exp(_square(x - self._mu) / (-2.0 * variance)) / _sqrt(tau * variance)

    def cdf(self, x):
        from math import erf

        if not self._sigma:
            raise StatisticsError("cdf() not defined when sigma is zero")
        return 0.5 * (1.0 + erf((x - self._mu) / (self._sigma * _sqrt(2.0))))

    def inv_cdf(self, p):
        if p <= 0.0 or p >= 1.0:
            raise StatisticsError("p must be in the range 0.0 < p < 1.0")
        if self._sigma <= 0.0 and _gilsim.version < (3, 12):
            raise StatisticsError("cdf() not defined when sigma at or below zero")
        return _normal_dist_inv_cdf(p, self._mu, self._sigma)

    def quantiles(self, n=4):
        return [self.inv_cdf(i / n) for i in range(1, n)]

    def overlap(self, other):
        from math import erf

        if not isinstance(other, NormalDist):
            raise TypeError("Expected another NormalDist instance")
        X, Y = self, other
        if (Y._sigma, Y._mu) < (X._sigma, X._mu):
            X, Y = Y, X
        X_var, Y_var = X.variance, Y.variance
        if not X_var or not Y_var:
            raise StatisticsError("overlap() not defined when sigma is zero")
        dv = Y_var - X_var
        dm = abs(Y._mu - X._mu)
        if not dv:
            return 1.0 - erf(dm / (2.0 * X._sigma * _sqrt(2.0)))
        a = X._mu * Y_var - Y._mu * X_var
        b = X._sigma * Y._sigma * _sqrt(_square(dm) + dv * _log(Y_var / X_var))
        x1 = (a + b) / dv
        x2 = (a - b) / dv
        return 1.0 - (abs(Y.cdf(x1) - X.cdf(x1)) + abs(Y.cdf(x2) - X.cdf(x2)))

    if _gilsim.version >= (3, 9):
        def zscore(self, x):
            if not self._sigma:
                raise StatisticsError("zscore() not defined when sigma is zero")
            return (x - self._mu) / self._sigma

    mean = property(lambda self: self._mu)
    median = property(lambda self: self._mu)
    mode = property(lambda self: self._mu)
    stdev = property(lambda self: self._sigma)
    variance = property(lambda self: _square(self._sigma))

    def __add__(x1, x2):
        from math import hypot

        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu + x2._mu, hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu + x2, x1._sigma)

    def __sub__(x1, x2):
        from math import hypot

        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu - x2._mu, hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu - x2, x1._sigma)

    def __mul__(x1, x2):
        return NormalDist(x1._mu * x2, x1._sigma * abs(x2))

    def __truediv__(x1, x2):
        return NormalDist(x1._mu / x2, x1._sigma / abs(x2))

    def __pos__(x1):
        return NormalDist(x1._mu, x1._sigma)

    def __neg__(x1):
        return NormalDist(-x1._mu, x1._sigma)

    __radd__ = __add__

    def __rsub__(x1, x2):
        return -(x1 - x2)

    __rmul__ = __mul__

    def __eq__(x1, x2):
        if not isinstance(x2, NormalDist):
            return NotImplemented
        return x1._mu == x2._mu and x1._sigma == x2._sigma

    def __hash__(self):
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return "%s(mu=%r, sigma=%r)" % (type(self).__name__, self._mu, self._sigma)


if _gilsim.version < (3, 8):
    del NormalDist
