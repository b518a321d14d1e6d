# gilsim: expect=ok
# Warnings from worker threads routed into logging, as services do: logging.captureWarnings
# sends each warning the filters let through to the "py.warnings" logger (formatted by
# warnings.formatwarning, source line included), a replaced warnings.showwarning collects
# them instead (once per line under the default filter, every time under "always"), and
# catch_warnings() puts the original back.
import logging
import sys
import threading
import warnings

logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(name)s: %(message)s")
print(warnings.formatwarning("text", UserWarning, "f.py", 3, "  x = 1  ").rstrip())
print(repr(warnings.formatwarning("text", DeprecationWarning, "missing.py", 3)))


def risky(n):
    warnings.warn("worker %d uses an old option" % (n % 2), DeprecationWarning)


logging.captureWarnings(True)
workers = [threading.Thread(target=risky, args=(n,)) for n in range(3)]
for w in workers:
    w.start()
    w.join()
logging.captureWarnings(False)

collected = []


def collect(message, category, filename, lineno, file=None, line=None):
    collected.append((str(message), category.__name__, filename.rsplit("/", 1)[-1], lineno, type(message).__name__))


original = warnings.showwarning
warnings.showwarning = collect
for i in range(2):
    warnings.warn("once per line")
warnings.simplefilter("always")
for i in range(2):
    warnings.warn("every time", RuntimeWarning)
warnings.showwarning = original
print(collected)
with warnings.catch_warnings():
    warnings.showwarning = collect
    warnings.warn("inside catch_warnings")
print(warnings.showwarning is original, collected[-1][0])
