# Modelled on input-validation examples that accept any number through the numbers ABCs: a
# lock-protected accumulator takes readings from sensor threads, rejects what is not a Real,
# counts Integral readings apart, and a custom Integral type joins through the tower's mixins.
import numbers
import queue
import threading


class Accumulator:
    def __init__(self):
        self._lock = threading.Lock()
        self.total = 0
        self.count = 0
        self.integral = 0
        self.rejected = []

    def add(self, reading):
        if not isinstance(reading, numbers.Real):
            with self._lock:
                self.rejected.append(repr(reading))
            return False
        with self._lock:
            self.total += float(reading)
            self.count += 1
            if isinstance(reading, numbers.Integral):
                self.integral += 1
        return True


class Tick(numbers.Integral):
    """A counter value that behaves as an Integral (the mixins give float(), numerator...)."""

    def __init__(self, n):
        self.n = n

    def __int__(self):
        return self.n

    def __pos__(self):
        return self.n

    def __repr__(self):
        return "Tick(%d)" % self.n

    __pow__ = __lshift__ = __rlshift__ = __rshift__ = __rrshift__ = None
    __and__ = __rand__ = __xor__ = __rxor__ = __or__ = __ror__ = __invert__ = None
    __trunc__ = __floor__ = __ceil__ = __round__ = None
    __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = __lt__ = __le__ = None
    __add__ = __radd__ = __neg__ = __mul__ = __rmul__ = None
    __truediv__ = __rtruediv__ = __rpow__ = __abs__ = __eq__ = None


acc = Accumulator()
outcomes = queue.Queue()
feeds = {
    "thermo": [20, 21.5, "22", 23],
    "baro": [1013.25, None, 1012, True],
    "clock": [Tick(3), Tick(4), 2.5, b"x"],
}


def sensor(name, readings):
    accepted = sum(1 for r in readings if acc.add(r))
    outcomes.put((name, accepted))


threads = [threading.Thread(target=sensor, args=item) for item in sorted(feeds.items())]
for t in threads:
    t.start()
for t in threads:
    t.join()

print("accepted:", sorted(outcomes.get() for _ in threads))
print("count:", acc.count, "integral:", acc.integral, "total:", round(acc.total, 2))
print("rejected:", sorted(acc.rejected))
print("tower:", [cls.__name__ for cls in (numbers.Integral, numbers.Rational, numbers.Real,
                                          numbers.Complex, numbers.Number) if isinstance(Tick(1), cls)])
print("float(Tick(7)):", float(Tick(7)), "numerator:", Tick(7).numerator, "denominator:", Tick(7).denominator)
print("bool is Integral:", issubclass(bool, numbers.Integral), "float is Rational:", issubclass(float, numbers.Rational))
