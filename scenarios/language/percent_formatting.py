# gilsim: expect=ok
# printf-style `%` formatting as log lines and reports use it from worker threads: every
# conversion with and without flags, keys from a dict, a dict as the one value, unicode
# templates, and CPython's TypeError/ValueError texts for operands a conversion refuses;
# `%E`/`%G`'s upper-case exponent; bytes and bytearray templates (PEP 461: `%s`/`%b` of
# bytes-like objects and `__bytes__`, `%c` of one byte, `%r`/`%a` as ASCII).
import threading

lines = []
lock = threading.Lock()


def report(worker, items):
    line = "worker %-3s| %5d items | %6.2f%% done | %r" % (worker, items, items / 3.0, "ok")
    with lock:
        lines.append(line)


threads = [threading.Thread(target=report, args=(name, n)) for name, n in [("a", 1), ("bb", 20), ("ccc", 300)]]
for t in threads:
    t.start()
for t in threads:
    t.join()
for line in sorted(lines):
    print(line)

values = [0, 5, -5, 123456789, -2**63, 2**63, True, 3.14159, -0.0, "abc", ""]
for value in values:
    shown = []
    for spec in ["%s", "%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%x", "%#o", "%r", "%.2f", "%10s|", "%i", "%c"]:
        try:
            shown.append(spec % (value,))
        except (TypeError, ValueError, OverflowError) as e:
            shown.append("%s: %s" % (type(e).__name__, e))
    print(repr(value), shown)

print("héllo %s wörld %d — %r" % ("ü", 3, "ß"))
print("%a %-8a| %a" % ("ß", "€", ["é", 1]))
print("%s" % {"a": 1})
print("%(name)s has %(count)05.1f é" % {"name": "x", "count": 2.25})
print("%s|%-6s|%6s|" % ((1, 2), "ab", "cd"))
print("100%% sure: %s" % "yes", "trailing ü" % ())
print("%c%c%c" % (0x263A, "z", 65))


class Point:
    def __str__(self):
        return "P(1, 2)"

    def __repr__(self):
        return "<Point>"


print("%s %r %8s|" % (Point(), Point(), Point()))
for template, operand in [("%y", 1), ("ab%y", 1), ("é%ý", 1), ("%(a", {}), ("%", 1), ("%5", 1), ("%s %s", {"a": 1}),
                          ("%s", (1, 2)), ("%x", 1.5), ("%o", "s"), ("%X", None), ("%.2f", "s"), ("%e", None),
                          ("%g", []), ("%c", 1.5), ("%c", "ab"), ("%c", -1)]:
    try:
        print(repr(template % operand))
    except (TypeError, ValueError, OverflowError) as e:
        print(template, type(e).__name__, e)
# `*` takes the width or precision from the values (a negative width aligns left).
print("%*d|%-*s|%.*f|%*.*f|%*d|%0*d|%.*s|" % (5, 42, 4, "ab", 2, 3.14159, 8, 3, 2.5, -4, 7, 5, 3, -1, "abc"))
for operand in [("x", 1), (3,)]:
    try:
        print("%*d" % operand)
    except TypeError as e:
        print("TypeError:", e)

print("%E|%G|%G|%.3G" % (1.5, 1e20, 1e-5, 12345678.9), format(1e-7, "G"))


class Payload:
    def __bytes__(self):
        return b"payload"


print(b"%s-%d-%05.1f-%x|%-4b|%5s|%c%c" % (b"id", 7, 2.25, 255, b"ab", bytearray(b"cd"), 65, b"z"))
print(b"%(k)s %(n)r %%" % {b"k": b"v", b"n": 1}, b"%r|%a" % ("\u00e9", b"q"), bytearray(b"%s:%i") % (Payload(), True))
for template, operand in [(b"%s", "text"), (b"%s", 3), (b"%c", 300), (b"%c", b"ab"), (b"%s", (b"x", b"y")), (b"%q", 1)]:
    try:
        print(template % operand)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
