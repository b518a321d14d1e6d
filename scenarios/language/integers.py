# Python's integers are arbitrary-precision: growth past 64 bits, floor division and modulo,
# modular powers and inverses, shifts, exact comparison with floats, conversions, formatting
# and hashing, as CPython computes them (compared with CPython in the test suite).
# gilsim: expect=ok


def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result


print(factorial(30), 2**100, -2**100, 2**64 - 1, 2**63, (-2) ** 63)
print(10**30 // 7, 10**30 % 7, -(10**30) // 7, -(10**30) % 7, divmod(10**25, -3), divmod(-7, 2))
print(pow(2, -1, 5), pow(3, 200, 1000), pow(2, 10, -7), pow(-3, -1, 7))
print(1 << 100, (1 << 100) >> 99, -1 >> 200, ~(2**70), 2**70 & 2**70 - 1, 2**70 | 1, 2**70 ^ (2**70 + 5))
print([2**53] == [2**53 + 1], 2**53 + 1 == float(2**53), 2**53 == float(2**53), 10**30 > 1e30, 10**30 < 1e30)
print(int(1e19), int(-1e300) == -(10**300), float(2**100), int("123456789012345678901234567890"), int("ff" * 20, 16))
print(0x1_0000_0000_0000_0000, 0b1 << 70, 123_456_789_012_345_678_901)
print(2**100 / 2**50, 10**400 // 10**399, hash(2**100), hash(-(2**100)), hash(2**61 - 1), hash(2**61))
x = 2**100
y = x
print(x is y, abs(-(2**80)), round(2**80), -(-(2**63)), bool(2**100), 2**100 > 2**99, 7 // -2, 7 % -2)
print(sum([2**62, 2**62, 2**62]), max(2**100, 3), sorted([2**70, -(2**70), 5]), str(2**64), repr(-(2**64)))
print(f"{2**70:,}", f"{2**70:x}", f"{-(2**70):#x}", hex(2**70), bin(2**65), oct(2**66), "%d" % 2**70)
print(f"{255:#x}", f"{-255:#06x}", f"{1234567:_}", f"{0xDEADBEEF:_x}", hex(-31), oct(8), bin(5))
r = range(2**62, 2**64, 2**62)
print(list(r), len(r), r[1], 2**63 in r, list(range(2**63 - 2, 2**63 + 1)))
for bad in (lambda: 0**-1, lambda: float(10**400), lambda: [1][2**100], lambda: len(range(2**64))):
    try:
        bad()
    except (ZeroDivisionError, OverflowError, IndexError) as e:
        print(type(e).__name__, e)
