# Modelled on examples of misspelt keyword arguments to functions, methods and Thread.
def f(target=None, *, daemon=None):
    pass
for kw in ("targt", "deamon", "xyz", "t"):
    try:
        f(**{kw: 1})
    except TypeError as e:
        print(e)
class C:
    def m(self, value): pass
try:
    C().m(valu=1)
except TypeError as e:
    print(e)
import threading
try:
    threading.Thread(deamon=True)
except TypeError as e:
    print(e)
