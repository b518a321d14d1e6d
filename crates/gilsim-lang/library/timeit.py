# timeit: timing callables on the virtual clock. `default_timer` is time.perf_counter, as in
# CPython 3.3+. A statement given as a string would need exec, which gilsim does not
# simulate: pass a callable (`timeit.timeit(work, number=10)`).
import time

default_timer = time.perf_counter
default_number = 1000000
default_repeat = 5


def _callable(what, name):
    if callable(what):
        return what
    if isinstance(what, str):
        if what.strip() in ("", "pass"):
            return lambda: None
        raise ValueError("gilsim: timeit cannot run a %s given as a string (it needs exec); pass a callable" % name)
    raise ValueError("%s is neither a string nor callable" % name)


class Timer:
    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        self._stmt = _callable(stmt, "stmt")
        self._setup = _callable(setup, "setup")

    def timeit(self, number=default_number):
        self._setup()
        stmt = self._stmt
        start = self.timer()
        for _ in range(number):
            stmt()
        return self.timer() - start

    def repeat(self, repeat=default_repeat, number=default_number):
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
