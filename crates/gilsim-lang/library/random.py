# random: the parts of CPython's Lib/random.py that are written in Python, on the module's
# Mersenne Twister natives (modules/random.rs): random.Random instances, each with a
# generator of its own, choices, and the distributions built on random(). The algorithms are
# Lib/random.py's, so a seeded generator draws what CPython's draws.
from random import _twister, _twister_call
from random import random as _random, seed as _seed, uniform as _uniform, getrandbits as _getrandbits
from random import randint as _randint, randrange as _randrange, choice as _choice
from random import shuffle as _shuffle, sample as _sample, gauss as _gauss
from random import _getstate, _setstate
from math import log as _log, exp as _exp, sqrt as _sqrt, floor as _floor
from math import isfinite as _isfinite, cos as _cos, acos as _acos, pi as _pi, e as _e
import _gilsim

_NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
_TWOPI = 2.0 * _pi
_LOG4 = _log(4.0)
_SG_MAGICCONST = 1.0 + _log(4.5)


def _bisect_right(a, x, lo, hi):
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


class Random:
    # The drawing methods pass their arguments on: the natives bind them as CPython's
    # methods do (keywords, and the messages of a wrong call).
    def __init__(self, x=None):
        self._twister = _twister()
        if _gilsim.version < (3, 11) and x is not None and not isinstance(x, (int, str, bytes)):
            # Before 3.11 the C type's __new__ seeded itself first, by hash for what is not
            # an int: a bytearray or a list is unhashable there.
            hash(x)
        if x is not None:
            self.seed(x)

    def seed(self, a=None, version=2):
        _twister_call(self._twister, _seed, a)

    def random(self):
        return _twister_call(self._twister, _random)

    VERSION = 3

    def getstate(self):
        return _twister_call(self._twister, _getstate)

    def setstate(self, state):
        # Lib/random.py's: version 2 states (Python 3.1's) had words past 32 bits.
        version = state[0]
        if version == 3:
            version, internalstate, gauss_next = state
        elif version == 2:
            version, internalstate, gauss_next = state
            try:
                internalstate = tuple(x % 4294967296 for x in internalstate)
            except ValueError as e:
                raise TypeError from e
        else:
            raise ValueError("state with version %s passed to "
                             "Random.setstate() of version %s" %
                             (version, self.VERSION))
        _twister_call(self._twister, _setstate, internalstate, gauss_next)

    def uniform(self, *args, **kwargs):
        return _twister_call(self._twister, _uniform, *args, **kwargs)

    def getrandbits(self, k):
        return _twister_call(self._twister, _getrandbits, k)

    def randbytes(self, n):
        # 3.9: n random bytes, from getrandbits as CPython's.
        return self.getrandbits(n * 8).to_bytes(n, "little")

    def randint(self, *args, **kwargs):
        return _twister_call(self._twister, _randint, *args, **kwargs)

    def randrange(self, *args, **kwargs):
        return _twister_call(self._twister, _randrange, *args, **kwargs)

    def choice(self, *args, **kwargs):
        return _twister_call(self._twister, _choice, *args, **kwargs)

    def shuffle(self, *args, **kwargs):
        return _twister_call(self._twister, _shuffle, *args, **kwargs)

    def sample(self, *args, **kwargs):
        return _twister_call(self._twister, _sample, *args, **kwargs)

    def gauss(self, *args, **kwargs):
        return _twister_call(self._twister, _gauss, *args, **kwargs)

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        random = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                n += 0.0
                return [population[_floor(random() * n)] for i in range(k)]
            cum_weights = []
            total = 0
            for w in weights:
                total = total + w
                cum_weights.append(total)
        elif weights is not None:
            raise TypeError("Cannot specify both weights and cumulative weights")
        if len(cum_weights) != n:
            raise ValueError("The number of weights does not match the population")
        total = cum_weights[-1] + 0.0
        if _gilsim.version >= (3, 9):
            if total <= 0.0:
                raise ValueError("Total of weights must be greater than zero")
            if not _isfinite(total):
                raise ValueError("Total of weights must be finite")
        hi = n - 1
        return [population[_bisect_right(cum_weights, random() * total, 0, hi)] for i in range(k)]

    def _normalvariate(self, mu, sigma):
        random = self.random
        while True:
            u1 = random()
            u2 = 1.0 - random()
            z = _NV_MAGICCONST * (u1 - 0.5) / u2
            zz = z * z / 4.0
            if zz <= -_log(u2):
                break
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        return _exp(self._normalvariate(mu, sigma))

    # The defaults of normalvariate (3.11) and expovariate (3.12) are those of the version.
    if _gilsim.version >= (3, 11):
        def normalvariate(self, mu=0.0, sigma=1.0):
            return self._normalvariate(mu, sigma)
    else:
        def normalvariate(self, mu, sigma):
            return self._normalvariate(mu, sigma)

    if _gilsim.version >= (3, 12):
        def expovariate(self, lambd=1.0):
            return -_log(1.0 - self.random()) / lambd
    else:
        def expovariate(self, lambd):
            return -_log(1.0 - self.random()) / lambd

    def triangular(self, low=0.0, high=1.0, mode=None):
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _sqrt(u * c)

    def paretovariate(self, alpha):
        u = 1.0 - self.random()
        if _gilsim.version >= (3, 10):
            return u ** (-1.0 / alpha)
        return 1.0 / u ** (1.0 / alpha)

    def vonmisesvariate(self, mu, kappa):
        random = self.random
        if kappa <= 1e-6:
            return _TWOPI * random()
        s = 0.5 / kappa
        r = s + _sqrt(1.0 + s * s)
        while True:
            u1 = random()
            z = _cos(_pi * u1)
            d = z / (r + z)
            u2 = random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        u3 = random()
        if u3 > 0.5:
            return (mu + _acos(f)) % _TWOPI
        return (mu - _acos(f)) % _TWOPI

    def gammavariate(self, alpha, beta):
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError("gammavariate: alpha and beta must be > 0.0")
        random = self.random
        if alpha > 1.0:
            # Cheng's algorithm GB (R.C.H. Cheng, 1977), as CPython's.
            ainv = _sqrt(2.0 * alpha - 1.0)
            bbb = alpha - _LOG4
            ccc = alpha + ainv
            while True:
                u1 = random()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - random()
                v = _log(u1 / (1.0 - u1)) / ainv
                x = alpha * _exp(v)
                z = u1 * u1 * u2
                r = bbb + ccc * v - x
                if r + _SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                    return x * beta
        elif alpha == 1.0:
            if _gilsim.version >= (3, 8):
                return -_log(1.0 - random()) * beta
            u = random()
            while u <= 1e-7:
                u = random()
            return -_log(u) * beta
        else:
            # ALGORITHM GS of Statistical Computing - Kennedy & Gentle.
            while True:
                u = random()
                b = (_e + alpha) / _e
                p = b * u
                if p <= 1.0:
                    x = p ** (1.0 / alpha)
                else:
                    x = -_log((b - p) / alpha)
                u1 = random()
                if p > 1.0:
                    if u1 <= x ** (alpha - 1.0):
                        break
                elif u1 <= _exp(-x):
                    break
            return x * beta

    def betavariate(self, alpha, beta):
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def weibullvariate(self, alpha, beta):
        u = 1.0 - self.random()
        return alpha * (-_log(u)) ** (1.0 / beta)

    if _gilsim.version >= (3, 12):
        def binomialvariate(self, n=1, p=0.5):
            # Lib/random.py (3.12): geometric jumps while n * p < 10, else Hormann's BTRS
            # transformed rejection, drawing as CPython's does.
            from math import log2, fabs, lgamma
            from operator import index

            if n < 0:
                raise ValueError("n must be non-negative")
            if p <= 0.0 or p >= 1.0:
                if p == 0.0:
                    return 0
                if p == 1.0:
                    return n
                raise ValueError("p must be in the range 0.0 <= p <= 1.0")
            random = self.random
            if n == 1:
                return index(random() < p)
            if p > 0.5:
                return n - self.binomialvariate(n, 1.0 - p)
            if n * p < 10.0:
                x = y = 0
                c = log2(1.0 - p)
                if not c:
                    return x
                while True:
                    y += _floor(log2(random()) / c) + 1
                    if y > n:
                        return x
                    x += 1
            setup_complete = False
            spq = _sqrt(n * p * (1.0 - p))
            b = 1.15 + 2.53 * spq
            a = -0.0873 + 0.0248 * b + 0.01 * p
            c = n * p + 0.5
            vr = 0.92 - 4.2 / b
            while True:
                u = random()
                u -= 0.5
                us = 0.5 - fabs(u)
                k = _floor((2.0 * a / us + b) * u + c)
                if k < 0 or k > n:
                    continue
                v = random()
                if us >= 0.07 and v <= vr:
                    return k
                if not setup_complete:
                    alpha = (2.83 + 5.1 / b) * spq
                    lpq = _log(p / (1.0 - p))
                    m = _floor((n + 1) * p)
                    h = lgamma(m + 1) + lgamma(n - m + 1)
                    setup_complete = True
                v *= alpha / (a / (us * us) + b)
                if _log(v) <= h - lgamma(k + 1) - lgamma(n - k + 1) + (k - m) * lpq:
                    return k


# The module's functions draw from the module's generator: an instance without one of its own.
_inst = Random.__new__(Random)
_inst._twister = None
choices = _inst.choices
getstate = _inst.getstate
setstate = _inst.setstate
if _gilsim.version >= (3, 9):
    randbytes = _inst.randbytes
else:
    del Random.randbytes
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
triangular = _inst.triangular
paretovariate = _inst.paretovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
betavariate = _inst.betavariate
weibullvariate = _inst.weibullvariate
if _gilsim.version >= (3, 12):
    binomialvariate = _inst.binomialvariate


class SystemRandom(Random):
    # CPython's draws from os.urandom and cannot be seeded; gilsim's draws from a generator
    # seeded by the run, on a stream of its own, and ignores seed() as CPython's does.
    def seed(self, *args, **kwds):
        return None

    def getstate(self, *args, **kwds):
        raise NotImplementedError("System entropy source does not have state.")

    setstate = getstate
