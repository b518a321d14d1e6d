# Modelled on public scripts that gather worker results and dump them as JSON to a file.
import json
import os
import threading

results = {}
lock = threading.Lock()


def process(user_id):
    record = {"id": user_id, "score": (user_id * 37) % 100, "tags": ["t%d" % (user_id % 3)]}
    with lock:
        results[str(user_id)] = record


threads = [threading.Thread(target=process, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
with open("results.json", "w") as f:
    json.dump(results, f, indent=2, sort_keys=True)
with open("results.json") as f:
    loaded = json.load(f)
print(len(loaded), loaded["3"])
print(open("results.json").read().splitlines()[:4])
os.remove("results.json")
