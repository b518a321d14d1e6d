# Modelled on workers that gather results into a dict and dump it as JSON.
import json
import threading

results = {}
lock = threading.Lock()


def analyse(name, values):
    summary = {"count": len(values), "total": sum(values), "mean": sum(values) / len(values),
               "flags": [v > 5 for v in values], "note": None}
    with lock:
        results[name] = summary


data = {"beta": [4, 8, 15], "alpha": [1, 2, 3, 4], "gamma": [16, 23, 42]}
ts = [threading.Thread(target=analyse, args=kv) for kv in data.items()]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(json.dumps(results, indent=2, sort_keys=True))
print(json.dumps({"ok": True, "names": sorted(results)}))
back = json.loads(json.dumps(results))
print(back["gamma"]["total"], type(back["alpha"]["mean"]).__name__)
