# Modelled on ChainMap configuration layers and bisect grading.
import threading
from collections import ChainMap
import bisect

defaults = {"timeout": 5, "retries": 3, "name": "svc"}
overrides = {"timeout": 1}
config = ChainMap(overrides, defaults)
print(config["timeout"], config["retries"], len(config), sorted(config))
child = config.new_child({"name": "worker"})
print(child["name"], child.parents["name"], dict(child) == {"timeout": 1, "retries": 3, "name": "worker"})

grades = []
lock = threading.Lock()
def grade(score):
    i = bisect.bisect([60, 70, 80, 90], score)
    with lock:
        bisect.insort(grades, (score, "FDCBA"[i]))

ts = [threading.Thread(target=grade, args=(s,)) for s in (33, 99, 77, 70, 89, 90, 100)]
for t in ts: t.start()
for t in ts: t.join()
print(grades)
