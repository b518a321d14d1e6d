# random: the parts of CPython's Lib/random.py that are written in Python, on the module's
# Mersenne Twister natives (modules/random.rs): random.Random instances, each with a
# generator of its own, choices, and the distributions built on random(). The algorithms are
# Lib/random.py's, so a seeded generator draws what CPython's draws.
from random import _twister, _twister_call
from random import random as _random, seed as _seed, uniform as _uniform, getrandbits as _getrandbits
from random import randint as _randint, randrange as _randrange, choice as _choice
from random import shuffle as _shuffle, sample as _sample, gauss as _gauss
from math import log as _log, exp as _exp, sqrt as _sqrt, floor as _floor
from math import isfinite as _isfinite
import _gilsim

_NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)


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
        if x is not None:
            self.seed(x)

    def seed(self, a=None, version=2):
        _twister_call(self._twister, _seed, a)

    def random(self):
        return _twister_call(self._twister, _random)

    def uniform(self, *args, **kwargs):
        return _twister_call(self._twister, _uniform, *args, **kwargs)

    def getrandbits(self, k):
        return _twister_call(self._twister, _getrandbits, k)

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

    def normalvariate(self, mu=0.0, sigma=1.0):
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
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd=1.0):
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
        return 1.0 / u ** (1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        u = 1.0 - self.random()
        return alpha * (-_log(u)) ** (1.0 / beta)


# The module's functions draw from the module's generator: an instance without one of its own.
_inst = Random.__new__(Random)
_inst._twister = None
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
triangular = _inst.triangular
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate


class SystemRandom(Random):
    # CPython's draws from os.urandom and cannot be seeded; gilsim's draws from a generator
    # seeded by the run, on a stream of its own, and ignores seed() as CPython's does.
    def seed(self, *args, **kwds):
        return None

    def getstate(self, *args, **kwds):
        raise NotImplementedError("System entropy source does not have state.")

    setstate = getstate
