# Modelled on 3.11 examples that raise the errors workers collected as an ExceptionGroup.
import threading
import traceback
import sys

errors = []


def risky(n):
    try:
        if n % 2:
            raise KeyError(n)
        return 1 / (n - 2)
    except Exception as e:
        errors.append(e)


ts = [threading.Thread(target=risky, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(map(repr, errors)))
try:
    raise ExceptionGroup("batch failed", errors)
except* KeyError as eg:
    print("keys:", sorted(repr(e) for e in eg.exceptions))
except* ZeroDivisionError as eg:
    print("zero:", [str(e) for e in eg.exceptions])
try:
    try:
        {}["missing"]
    except KeyError as e:
        raise RuntimeError("lookup failed") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
    lines = traceback.format_exception(type(e), e, e.__traceback__)
    print(len(lines), lines[-1], end="")
e = ValueError("with note")
e.add_note("extra context")
print(e.__notes__)
