# Modelled on finding task functions by name: globals(), getattr(sys.modules[__name__]),
# "%(name)s" % locals() reports, and the namespaces of functions and class bodies.
import sys
import __main__
x = 5
print(__main__.x, __main__.__name__)
__main__.y = 7
print(y)
mod = sys.modules[__name__]
print(getattr(mod, "x"), hasattr(mod, "nope"))
import threading
print("threading" in sys.modules, sys.modules["threading"] is threading)
class C:
    def __init__(self):
        self.a = 1
print(vars(C()))
def f(a, b=2):
    c = 3
    return sorted(locals().items())
print(f(1))
