# Modelled on examples that give each thread a deep copy of a shared configuration.
import copy
import threading

base = {"retries": 3, "hosts": ["a", "b"], "opts": {"verbose": False}}
seen = {}


def worker(i, cfg):
    cfg["hosts"].append("h%d" % i)
    cfg["opts"]["verbose"] = i % 2 == 1
    seen[i] = cfg


threads = [threading.Thread(target=worker, args=(i, copy.deepcopy(base))) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(base)
for i in sorted(seen):
    print(i, seen[i])
shallow = copy.copy(base)
print(shallow["hosts"] is base["hosts"])
