# Benchmark case: 20,000 records dumped to JSON and loaded back — the messages, log lines and
# results worker threads exchange as text. json.dumps without indent and json.loads without
# hooks are CPython's C encoder and scanner (one native call each in gilsim).
import json

record = {"id": 1, "name": "worker-1", "tags": ["a", "b", "c"], "score": 3.25, "ok": True, "meta": {"x": 1, "y": [1, 2, 3]}}
total = 0
for i in range(20000):
    record["id"] = i
    text = json.dumps(record)
    back = json.loads(text)
    total += back["id"] + len(text)
print(total)
