# gilsim: expect=ok
# Complex numbers as CPython computes them: literals and complex(), the arithmetic (Smith's
# division, powers by squaring for small integral exponents, polar otherwise), repr, str and
# format, hashing equal to the int or float of the same value, cmath, a negative number to a
# fractional power (a complex in Python 3), and each version's refusals (floor division,
# int(), ordering), subclasses. Threads add up roots of unity under a lock.
import cmath
import math
import threading

z = 3 + 4j
w = complex("-1.5e1-2.5j")
values = [1j, -1j, 0j, -0j, complex(-0.0, 0), complex(0.0, -0.0), 1.5 - 0.5j, 1e20 + 1e-5j,
          complex("inf"), complex(1, float("inf")), 100.0 + 2j, w, complex(1, -0.0)]
print([repr(v) for v in values])
print(z * z, z / (1 - 2j), z ** 2, z ** 0.5, z ** -1, (1 + 1j) ** 3, (2 + 3j) ** 2.5, 1j ** 1j)
print(abs(z), z.conjugate(), z.real, z.imag, -z, +z, 1 - z, 2.5 * z, z / 2, sum([1j, 2, 3.5]))
print(hash(z), hash(1 + 0j) == hash(1), hash(complex(1.5, -2.25)), z == 3 + 4j, 1 + 0j == 1, z != 1)
print(complex(), complex(2), complex(1, 2j), complex(1j, 2), complex(" (2+3j) "), complex("-j"))
print(format(z, ".2f"), format(z, ""), format(z, ">12"), format(z, "^14.1f"), "{:g}".format(z))
print("%s %r" % (1j, 2j), str(2j), "{:>15.3e}|{:+g}".format(1 + 2j, -2j))
print((-1) ** 0.5, (-8) ** (1 / 3), pow(-2.0, 0.5))
print(cmath.sqrt(-1), cmath.sqrt(2 + 3j), cmath.exp(1j * math.pi), cmath.log(-1), cmath.log(100, 10))
print(cmath.phase(-1 + 0j), cmath.polar(z), cmath.rect(2, math.pi / 2), cmath.isclose(1j, 1.0000000001j))
print(type(z).__name__, repr(complex), isinstance(z, complex), sorted([3j, 1j, 2 + 0j], key=abs))



def set_real():
    z.real = 5


checks = [
    ("z < z", lambda: z < z), ("z // 2", lambda: z // 2), ("z % 2", lambda: z % 2),
    ("int(z)", lambda: int(z)), ("float(z)", lambda: float(z)), ("round(z)", lambda: round(z)),
    ("divmod(z, 1)", lambda: divmod(z, 1)), ("0j ** -1", lambda: 0j ** -1), ("z / 0", lambda: z / 0),
    ("complex('1 + 2j')", lambda: complex("1 + 2j")), ("complex(None)", lambda: complex(None)),
    ("complex('1', 2)", lambda: complex("1", 2)), ("z.real = 5", set_real), ("math.sqrt(z)", lambda: math.sqrt(z)),
    # The polar power's C errors: cos(inf) is EDOM (ZeroDivisionError), an overflow ERANGE.
    ("(0.5+0.5j) ** inf", lambda: (0.5 + 0.5j) ** float("inf")), ("(2+0j) ** nan", lambda: (2 + 0j) ** float("nan")),
    ("(1e200+1e200j) ** 3.5", lambda: (1e200 + 1e200j) ** 3.5), ("math.cos(inf)", lambda: math.cos(float("inf"))),
    ("math.sqrt(-inf)", lambda: math.sqrt(float("-inf"))), ("math.exp(-inf)", lambda: math.exp(float("-inf"))),
]
for text, check in checks:
    try:
        print(text, "->", check())
    except Exception as error:
        print(text, "->", type(error).__name__, error)

class Phasor(complex):
    pass


print(type(Phasor(1, 2)).__name__, Phasor("3j"), Phasor(1, 2) + 1)

total = [0j]
lock = threading.Lock()


def add_roots(n):
    for k in range(n):
        root = cmath.rect(1, 2 * math.pi * k / n)
        with lock:
            total[0] += root


threads = [threading.Thread(target=add_roots, args=(n,)) for n in (3, 4, 6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(abs(total[0]) < 1e-12, round(total[0].real, 9) + 0.0)
