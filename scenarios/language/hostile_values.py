# Values that once crashed gilsim behave as in CPython: huge repeats and paddings, float
# formats with precisions past 65,535, round() at any number of digits, containers that hold
# themselves, data nested deeper than the recursion limit, and closures through a class body.
# gilsim: expect=ok


def make():
    secret = 42

    class Vault:
        def get(self):
            return secret

    return Vault()


print(make().get())
for attempt in (lambda: "ab" * 2**62, lambda: [0] * 2**62, lambda: "a".center(10**12), lambda: "x".zfill(10**12)):
    try:
        attempt()
    except (OverflowError, MemoryError) as e:
        print(type(e).__name__, e)
print(len("%.65536f" % 1.0), len(f"{1.0:.70000f}"), len("%.65536e" % 1.0), len("{:.65536%}".format(1.0)))
print("%.65536g" % 1.0, format(0.1, ".1100f")[-5:], ("%.3000e" % 0.1)[:40], format(0.1, ".30g"))
print(round(1.5, 65536), round(1.5, -65536), round(12345, -2), round(1250.0, -2), round(2.675, 2), round(-0.5))
a = [1]
a.append(a)
d = {}
d["self"] = d
print(a, d, a == a)
x = ()
y = ()
for _ in range(100000):
    x = (x,)
    y = (y,)
print(x == x, hash(x) == hash(x))
for attempt in (lambda: x == y, lambda: repr(x)):
    try:
        attempt()
    except RecursionError as e:
        print("RecursionError", e)
