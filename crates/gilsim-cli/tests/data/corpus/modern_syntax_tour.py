# Modelled on "what's new in Python 3.8-3.10" walkthroughs: f-string '=' and format specs, the
# walrus operator, positional-only parameters, dict union, structural pattern matching,
# math edge values, str.format field access, %-formatting and numeric formatting.
import threading, math
x, items = 42, [3, 1, 2]
print(f"{x=}", f"{x = :>5}", f"{items!r:>12}", f"{math.pi:.3f}", f"{'nested {}'.format(1)}", f"{x:#b} {x:o} {x:e} {x:,.2f} {-x:+d}")
if (n := len(items)) > 2:
    print("walrus", n)
def pos_only(a, b, /, c, *, d=4): return a + b + c + d
print(pos_only(1, 2, c=3), pos_only(1, 2, 3, d=0))
try:
    pos_only(a=1, b=2, c=3)
except TypeError as e:
    print(e)
d1, d2 = {"a": 1}, {"b": 2}
print(d1 | d2, {**d1, **d2, "c": 3}, [*items, *range(2)], (*items,))
d1 |= {"z": 0}; print(d1)
def describe(cmd):
    match cmd:
        case {"op": "add", "args": [a, b]}:
            return a + b
        case ["stop"] | ["quit"]:
            return "stopping"
        case (x, y) if x == y:
            return "pair-eq"
        case int(n) if n > 10:
            return "big int"
        case str() as s:
            return "str " + s
        case _:
            return "unknown"
print([describe(c) for c in [{"op": "add", "args": [1, 2]}, ["quit"], (3, 3), 50, "hi", 1.5]])
print(math.inf > 10**100, -math.inf, math.nan != math.nan, math.isnan(float("nan")), math.fsum([0.1] * 10), math.trunc(-2.7), math.copysign(1, -0.0))
print("{0[0]} {1[key]} {2.real}".format(items, {"key": "v"}, 5), "{:*^9}".format("mid"), "{!s:>4}|{!r}".format(1, "q"))
print(*items, sep=" | ", end=" <end>\n")
print("%-6s|%6.2f|%+d|%%|%c|%r" % ("ab", 2.5, 5, 65, "x"))
print(round(123.456, -1), round(0.125, 2), divmod(-7, 2), 7 // 2, -7 % 3, 2 ** 0.5, int(-3.9), abs(-0.0))
print(sorted({"b": 2, "a": 3, "c": 1}.items(), key=lambda kv: (-kv[1], kv[0])), max("apple", "fig", key=len), min([[2], [1, 5]]))
print(list(zip(*[(1, "a"), (2, "b")])), dict(zip("ab", range(2))), {k: v for k, v in enumerate("xy")}, {c for c in "hello"} == set("helo"))
print(str(1e16), str(1.0e-4), repr(0.1 + 0.2), 1e300 * 1e10, float("1e-310"), 3.0 == 3, hash(3.0) == hash(3), 10 / 4, 10 / 5)
print("ab" * 3, [0] * 3, "a,b,,c".split(","), " x y ".split(), "line1\nline2".splitlines(), "-".join("abc"), "abc"[::-1], "abcdef"[1:5:2])
print(bin(-5), hex(-255), int("-0b101", 0), oct(0), format(-1.5, "08.2f"), format(12345678, "_"), f"{1e6:.0e}", f"{0.000123:.2g}", f"{123.0:g}", f"{100:.2%}")
