# gilsim: expect=ok
# JSON documents from worker threads: json.dumps of plain data without indent and json.loads
# without hooks run as one call (CPython's C encoder and scanner, which hold the GIL for the
# whole document); everything else — indent, default=, a JSONEncoder subclass, hooks,
# errors, cycles, mixed keys to sort — runs the library's Python code. Both print exactly
# what CPython prints.
import json
import threading

record = {
    "name": "caf\u00e9 \u2603 \U0001F600",
    "numbers": [1, 2.5, -0.0, 1e100, 3.0e-7, True, False, None],
    "nested": {"a": {"b": [[], {}, [1, [2, [3]]]]}},
    "tab\t": "line\nbreak \"q\" \\ \x01 \x7f",
    3: "int key",
    2.5: "float key",
    None: "none key",
    False: "bool key",
    "pair": (1, 2),
}
print(json.dumps(record))
print(json.dumps(record, ensure_ascii=False))
print(json.dumps(record, separators=(",", ":")))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
print(json.dumps({3: 1, 1: 2}, sort_keys=True))
print(json.dumps(record["nested"], indent=2))
print(json.dumps("a string"), json.dumps(5), json.dumps(None), json.dumps(2 ** 70))
for bad in [float("nan"), {1: float("inf")}, object(), {(1, 2): 3}]:
    try:
        print(json.dumps(bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    print(json.dumps({"a": 1, 2: 3}, sort_keys=True))
except TypeError as e:
    print("TypeError", e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError", e)


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps({"s": {3, 1, 2}}, cls=SetEncoder))
print(json.dumps({"s": {3, 1, 2}}, default=sorted))

documents = [
    '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d\\u00e9\\ud83d\\ude00\\n"}}',
    " [ ] ", "{}", '"x"', "123456789012345678901234567890", "-0", "-0.0", "1E5", "NaN",
    "-Infinity", "[1,]", '{"a":1,}', '{"a" 1}', "[1 2]", '"abc', "01", "1.", '"\x01"',
    '{"a":1,"a":2,"b":3}', "[1e400]", "  7  ", '"\\/\\b\\f\\r\\t"', "\ufeff[1]",
    '{"k": [{"x": 1}, {"y": [null]}]}', '"\\x"', "tru", "[",
]
for document in documents:
    try:
        print(repr(json.loads(document)))
    except ValueError as e:
        print(type(e).__name__, e)
print(json.loads(b'{"bytes": 1}'))
print(json.loads('{"a": 1.5}', parse_float=str), json.loads("[1]", object_hook=dict))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=list))

results = {}


def worker(n):
    message = json.dumps({"worker": n, "squares": [i * i for i in range(n)], "name": "w%d" % n})
    results[n] = json.loads(message)


threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for n in sorted(results):
    print(n, results[n])
