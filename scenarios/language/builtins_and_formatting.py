# Builtins, string methods and the three formatting styles, compared byte for byte with
# CPython 3.11.
# gilsim: expect=ok
values = [3, 1, 4, 1, 5, 9, 2, 6]
print(len(values), sum(values), min(values), max(values), sorted(values), sorted(values, reverse=True))
print(list(reversed(values)), [x * x for x in values if x % 2], sorted({x for x in values if x > 4}))
print(list(enumerate("abc", 1)), list(zip("ab", [1, 2, 3])), list(map(abs, [-1, 2, -3])))
print(list(filter(None, [0, 1, "", "x"])), any([0, 0, 1]), all([1, 1, 0]))
print(abs(-7), round(2.675, 2), round(7.5), divmod(17, 5), pow(2, 10), 7 // -2, -7 % 3, 2 ** -1)
print(round(123456789012345678901.0, -1), round(250.0, -2), round(0.125, 2), round(-7.77e24, -4))
print(int("42"), float("1.5"), str(3.0), bool([]), repr("it's"), chr(97), ord("z"))
print(1 / 3, 1e16, 1e-5, 0.1 + 0.2, 10 / 4, 3 * 1.1, -0.0, 2.5e-07)
s = "  Hello, World  "
print(s.strip(), s.lower(), s.upper().strip(), s.split(","), "-".join(["a", "b", "c"]))
print("a,b,,c".split(","), "one two  three".split(), "x".center(5, "*"), "7".zfill(3))
print("abc".startswith("a"), "abc".endswith(("x", "c")), "banana".replace("a", "o", 2), "banana".count("an"))
print("banana".find("na"), "hello world".title(), "hello".capitalize(), "abc".isalpha(), "123".isdigit())
print("%s has %d items costing %.2f (%5s|%-5s|%05d)" % ("cart", 3, 9.5, "r", "l", 42))
print("{} {} {}".format(1, "two", 3.0), "{0}{1}{0}".format("a", "b"), "{name}!".format(name="hi"))
print("{:>8}|{:<6}|{:^7}|{:08.3f}|{:,}|{:x}|{:.1%}".format("right", "left", "mid", 3.14159, 1234567, 255, 0.256))
# Grouping separates the integer digits only, not an exponent.
print("{:_}|{:,}|{:_.3e}|{:,g}".format(1e21, 2.5e-7, 123456.789, 1234567.0))
name, n = "gil", 3
print(f"{name!r} x{n} = {n * 2:>4} {name=} {n + 0.5:.2f}")
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d.keys()), list(d.values()), d.get("z", 0), d.setdefault("a", 9), d.pop("b"), d)
print(sorted(d.items()), {k: v * 10 for k, v in d.items()}, dict(x=1, y=2), dict([("p", 1)]))
items = [5, 3, 8]
items.append(1)
items.insert(0, 7)
items.extend([2, 2])
items.remove(8)
print(items, items.pop(), items.index(3), items.count(2), items[1:3], items[::-1], items[-1])
items.sort()
print(items, (1, 2) + (3,), [0] * 3, "ab" * 2, 3 in items, "z" not in "abc")
a, *rest = [1, 2, 3, 4]
(x, y), z = (1, 2), 3
print(a, rest, x, y, z, isinstance(True, int), type(1.5).__name__, 1 < 2 < 3, 3 > 2 > 2)
print(max(["aa", "b", "ccc"], key=len), sorted(["b", "A", "c"], key=str.lower), min([], default="empty"))
numbers = iter(range(5))
print(next(numbers), next(numbers), list(numbers), next(numbers, "end"))
growing = [1, 2]
walker = iter(growing)
print(next(walker), end=" ")
growing.append(3)
print(list(walker))

# str.format: specs with nested fields, and the messages for a field left open.
print("{w:{n}}|{0:>{1}}|{x:{f}.{p}f}|".format("q", 4, w="ab", n=5, x=3.14159, f=8, p=2))
for template in ["{", "{0", "{0:{1}", "a{0:x", "{0!r", "}"]:
    try:
        template.format(1, 2)
    except ValueError as e:
        print(repr(template), e)
