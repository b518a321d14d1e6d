# Modelled on workers configured from a JSON document, reporting back as JSON lines.
import json
import threading

CONFIG = """
{
  "workers": [
    {"name": "alpha", "items": [3, 1, 2], "scale": 1.5},
    {"name": "beta", "items": [], "scale": 2},
    {"name": "gamma", "items": [10], "scale": 0.1}
  ],
  "verbose": true
}
"""
config = json.loads(CONFIG)
reports = []
lock = threading.Lock()


def run(spec):
    scaled = [x * spec["scale"] for x in spec["items"]]
    report = {"worker": spec["name"], "count": len(scaled), "total": sum(scaled), "max": max(scaled, default=None)}
    with lock:
        reports.append(report)


threads = [threading.Thread(target=run, args=(spec,)) for spec in config["workers"]]
for t in threads:
    t.start()
for t in threads:
    t.join()
for r in sorted(reports, key=lambda r: r["worker"]):
    print(json.dumps(r, sort_keys=True))
print(config["verbose"], type(config["workers"][1]["scale"]).__name__)
