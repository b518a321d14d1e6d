# Modelled on examples grouping results by thread name
import threading
from collections import defaultdict

groups = defaultdict(list)
lock = threading.Lock()

def work(items):
    name = threading.current_thread().name
    for x in items:
        with lock:
            groups[name].append(x * x)

ts = [threading.Thread(target=work, args=(range(i, 12, 3),), name='T%d' % i) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
for name in sorted(groups):
    print(name, groups[name], sum(groups[name]))
flat = {}
for name, values in groups.items():
    flat.setdefault(len(values), []).append(name)
print(flat, dict(groups) == {k: v for k, v in groups.items()})
