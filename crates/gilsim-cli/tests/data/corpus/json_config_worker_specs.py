# Modelled on scripts that read a JSON config and start the workers it describes.
import json
import threading

CONFIG = """
{
  "workers": [
    {"name": "fetch", "count": 2, "items": [1, 2, 3]},
    {"name": "parse", "count": 1, "items": [4, 5]}
  ],
  "debug": false,
  "ratio": 0.75
}
"""
config = json.loads(CONFIG)
totals = {}
lock = threading.Lock()


def worker(name, idx, items):
    with lock:
        totals["%s-%d" % (name, idx)] = sum(items) * config["ratio"]


threads = []
for spec in config["workers"]:
    for i in range(spec["count"]):
        threads.append(threading.Thread(target=worker, args=(spec["name"], i, spec["items"])))
for t in threads:
    t.start()
for t in threads:
    t.join()
print(json.dumps(totals, sort_keys=True))
print(config["debug"], type(config["ratio"]).__name__, json.dumps(config["workers"][1]))
