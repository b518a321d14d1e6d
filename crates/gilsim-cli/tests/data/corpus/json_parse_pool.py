# Modelled on thread pools that parse and dump JSON records.
import json
import threading
from concurrent.futures import ThreadPoolExecutor

records = ['{"id": 1, "tags": ["a", "b"], "ok": true}',
           '{"id": 2, "tags": [], "ok": false, "score": 2.5}',
           '{"id": 3, "nested": {"x": null}}']

def parse(text):
    obj = json.loads(text)
    obj["len"] = len(text)
    return obj

with ThreadPoolExecutor(max_workers=2) as ex:
    parsed = list(ex.map(parse, records))
for p in parsed:
    print(json.dumps(p, sort_keys=True))
print(json.dumps(parsed[0], indent=2))
print(json.dumps({"t": (1, 2), "s": "é"}), json.dumps({"s": "é"}, ensure_ascii=False))
