# gilsim: expect=ok
# Worker threads measure simulated sensors, seeded from byte strings as a reproducible test
# harness does, and a reporter prints the readings with the float formats reports use: the
# alternate form (`#g` keeps trailing zeros, `#.0f` keeps the point), `n`, a precision with no
# type (`.3`: at least one digit after the point), and the rounding that moves `%g` to an
# exponent (999999.5 is 1e+06); C's minimum digits of `%.3d`. Modular inverses with pow(x, -1, m) are new in 3.8.
import random
import threading

readings = {}
lock = threading.Lock()


def sensor(name):
    rng = random.Random()
    rng.seed(name.encode())
    values = [rng.uniform(0, 2000) for _ in range(3)]
    seeded = bytearray(name, "ascii")
    try:
        values.append(random.Random(seeded).random())
    except TypeError as e:
        # Before 3.11 the C type hashed its seed first: a bytearray is refused.
        values.append(float(len(str(e))))
    rng.seed(seeded)
    values.append(rng.random())
    with lock:
        readings[name] = values


threads = [threading.Thread(target=sensor, args=(name,)) for name in ("north", "south", "east")]
for t in threads:
    t.start()
for t in threads:
    t.join()

for name in sorted(readings):
    values = readings[name]
    print(name, " ".join(format(v, spec) for v in values for spec in ("#g", ".3", "n", "#.0f", ".2e")))

samples = [0.0, 1.0, 100.0, 1234.0, 999999.5, 9.9999999, 0.0001, 1.234e-05, 123.456, float("inf")]
for v in samples:
    print(repr(v), [format(v, s) for s in (".3", ".1", "#.3", "#.0e", "#g", "#.2g", ".0g", "#.0%", "n", ".3n", "#G")])
    print("  %g | %#g | %.3g | %#.3g | %#.0f | %#.0e | %#10.4g|" % (v, v, v, v, v, v, v))
print(format(-0.0, "#g"), format(float("nan"), "#g"), format(42, "#g"), format(7.0, ".3"))
print("%.3d|%5.3d|%-6.3d|%+.2d|%#.3x|%.3o|%.0d|%.2X|" % (7, 7, 7, 3, 5, 8, 0, 255))
try:
    format(7, ".3")
except ValueError as e:
    print(e)

for base, modulus in [(3, 7), (10, 17), (4, 8)]:
    try:
        print("inverse of", base, "mod", modulus, "=", pow(base, -1, modulus))
    except ValueError as e:
        print("inverse of", base, "mod", modulus, "->", e)

# A table whose column widths are computed: the nested `{}` in a spec takes the next
# automatic field number, after its field's.
rows = [("north", 413.1), ("south-east", 1603.99), ("x", 0.5)]
width = max(len(name) for name, _ in rows)
for name, value in rows:
    print("{:<{}} | {:>{}.{}f} |".format(name, width, value, 10, 2))
print("{0:>{1}}|{2:^{3}}|".format("r", 4, "c", 5), "{:{fill}^{w}}".format("t", fill="*", w=7))
for template in ("{} {0}", "{0} {}", "{0:{}}", "{:{0}}"):
    try:
        print(template.format(7, 3))
    except ValueError as e:
        print("ValueError:", e)
