# gilsim: expect=ok
# json, traceback, math's C-library functions, bisect and sys.exc_info, as CPython prints
# them: a worker thread reports its results as JSON and its failures as formatted tracebacks.
import bisect
import json
import math
import sys
import threading
import traceback

results = {}
failures = []
lock = threading.Lock()


def mean(values):
    if not values:
        raise ValueError("no values")
    return sum(values) / len(values)


def measure(name, values):
    try:
        stats = {"n": len(values), "mean": mean(values), "log_total": math.log(sum(values)),
                 "ok": True, "tags": (name.upper(), None)}
    except Exception:
        with lock:
            failures.append(traceback.format_exc())
        return
    with lock:
        results[name] = stats


workers = [threading.Thread(target=measure, args=item) for item in [("north", [4, 9, 1]), ("south", []), ("east", [2.5])]]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(json.dumps(results, sort_keys=True, indent=2))
print(json.dumps(results, separators=(",", ":"), sort_keys=True))
print(failures[0], end="")
print(json.dumps({"text": "caf\u00e9 \"q\"\n", "n": [1.0, -0.0, 1e100, 12]}), json.dumps("\u00e9", ensure_ascii=False))
decoded = json.loads('{"a": [1, 2.5, -3e2, true, null, "\\u0041\\n"], "b": {"c": {}}}')
print(decoded, type(decoded["a"][2]).__name__)
for text in ['{"a": 1,}', '[1 2]', 'nul', '{"a": 1} 2', '"open']:
    try:
        json.loads(text)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e)
try:
    json.dumps({"when": object()})
except TypeError as e:
    print("TypeError:", e)

try:
    raise KeyError("missing")
except KeyError as e:
    kind, value, tb = sys.exc_info()
    print(kind.__name__, repr(value), tb.tb_lineno, tb.tb_next)
    print(traceback.format_exception_only(type(e), e))
    print("".join(traceback.format_exception(type(e), e, e.__traceback__)), end="")
print(sys.exc_info(), repr(traceback.format_exc()))

print(math.log(100, 10), math.log2(1024), math.log10(0.001), math.exp(2), math.sqrt(17), math.pow(2, 10))
print(math.sin(math.pi / 6), math.cos(1), math.tan(0.3), math.atan2(-1, -1), math.asin(0.5), math.hypot(5, 12))
print(math.log1p(1e-10), math.expm1(1e-10), math.sinh(1), math.cosh(1), math.tanh(0.5), math.acos(0.2), math.atan(3))
for bad in [lambda: math.log(-1), lambda: math.sqrt(-2), lambda: math.exp(1e6), lambda: math.log("x")]:
    try:
        bad()
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)

grades = [60, 70, 80, 90]
print([bisect.bisect(grades, s) for s in (55, 70, 95)], bisect.bisect_left(grades, 70))
bisect.insort(grades, 75)
bisect.insort_left(grades, 60)
print(grades)
