# gilsim: expect=ok
# Functions each release added, present from that release only (AttributeError, NameError or
# TypeError before), with CPython's results: int.bit_count (3.10), float.hex/fromhex, math's
# lcm, nextafter, ulp (3.9), cbrt, exp2 (3.11; cbrt as glibc computes it), sumprod (3.12),
# random.randbytes (3.9), bytes.hex with a separator (3.8), zip(strict=True) (3.10),
# functools.cache (3.9), and int.to_bytes's missing-argument errors.
import functools
import math
import random

checks = [
    ("bit_count", lambda: ((255).bit_count(), (-7).bit_count(), (2 ** 100 - 1).bit_count())),
    ("float.hex", lambda: (1.5.hex(), (0.1).hex(), (-0.0).hex(), (5e-324).hex(), float("inf").hex())),
    ("float.fromhex", lambda: (float.fromhex("0x1.999999999999ap-4"), float.fromhex(" -0x1p-1074 "),
                               float.fromhex("0X1.8P+1"), float.fromhex("inf"), float.fromhex("0x.8"))),
    ("fromhex error", lambda: float.fromhex("0x1q")),
    ("fromhex overflow", lambda: float.fromhex("0x1p5000")),
    ("lcm", lambda: (math.lcm(4, 6), math.lcm(), math.gcd(12, 18, 8))),
    ("gcd of two", lambda: math.gcd(12, 18)),
    ("nextafter", lambda: (math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0), math.ulp(1.0), math.ulp(1e300))),
    ("cbrt", lambda: (math.cbrt(27), math.cbrt(-27), math.cbrt(2), math.cbrt(1e-310), math.exp2(3))),
    ("sumprod", lambda: (math.sumprod([1, 2], [3, 4]), math.sumprod([1.5, 2], [2, 3]))),
    ("randbytes", lambda: random.Random(42).randbytes(6)),
    ("bytes.hex", lambda: (b"\x01\x02\x03".hex("-", 2), bytes(range(5)).hex(":", -2), bytearray(b"ab").hex(" "))),
    ("zip strict", lambda: list(zip([1, 2], "ab", strict=True))),
    ("functools.cache", lambda: functools.cache(lambda: 1)()),
    ("to_bytes", lambda: (5).to_bytes()),
    ("to_bytes order", lambda: (5).to_bytes(2)),
]
for name, check in checks:
    try:
        print(name, check())
    except (AttributeError, NameError, TypeError, ValueError, OverflowError) as e:
        print(name, type(e).__name__, e)
