# gilsim: expect=ok
# Worker threads load JSON configs strictly, as services do before applying them: duplicate
# keys are caught with object_pairs_hook, NaN and Infinity refused by parse_constant, key
# order kept with OrderedDict, and the writer refuses NaN (allow_nan=False) and keys that
# JSON cannot hold, each with its release's message (3.6 says "keys must be a string", 3.12+
# name the float).
import collections
import json
import threading

CONFIGS = {
    "web": '{"port": 8080, "hosts": ["a", "b"], "limits": {"rate": 2.5}}',
    "db": '{"port": 5432, "port": 5433, "pool": 4}',
    "cache": '{"ttl": NaN, "size": 10}',
    "queue": '{"b": 1, "a": {"z": [], "y": null}}',
}

results = {}
lock = threading.Lock()


def no_duplicates(pairs):
    seen = collections.OrderedDict()
    for key, value in pairs:
        if key in seen:
            raise ValueError("duplicate key %r" % key)
        seen[key] = value
    return seen


def refuse_constant(name):
    raise ValueError("constant %s not allowed" % name)


def load(name, text):
    try:
        config = json.loads(text, object_pairs_hook=no_duplicates, parse_constant=refuse_constant)
        outcome = json.dumps(config)
    except ValueError as e:
        outcome = "rejected: %s" % e
    with lock:
        results[name] = outcome


threads = [threading.Thread(target=load, args=item) for item in sorted(CONFIGS.items())]
for t in threads:
    t.start()
for t in threads:
    t.join()
for name in sorted(results):
    print(name, results[name])

print(json.loads('{"a": 1, "a": 2}', object_pairs_hook=list))
print(json.loads('{"x": {"y": 1}}', object_pairs_hook=dict, object_hook=lambda d: "hook"))
print(json.loads("[NaN, Infinity]", parse_constant=lambda c: "<%s>" % c))
for value in (float("nan"), float("-inf")):
    try:
        json.dumps({"v": value}, allow_nan=False)
    except ValueError as e:
        print("ValueError:", e)
try:
    json.dumps({(1, 2): "pair"})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({(1, 2): "pair", "k": 1}, skipkeys=True))
