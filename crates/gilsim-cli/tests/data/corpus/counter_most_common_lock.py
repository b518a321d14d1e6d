# Modelled on public log-analysis examples: threads count status codes into one Counter under a lock.
from collections import Counter
import threading

LOGS = [
    "GET /a 200", "GET /b 404", "POST /a 200", "GET /c 500", "GET /a 200",
    "GET /b 200", "PUT /d 201", "GET /c 500", "GET /e 404", "GET /a 200",
]
status = Counter()
methods = Counter()
lock = threading.Lock()


def analyze(lines):
    local_status = Counter(line.split()[2] for line in lines)
    local_methods = Counter(line.split()[0] for line in lines)
    with lock:
        status.update(local_status)
        methods.update(local_methods)


chunks = [LOGS[i:i + 3] for i in range(0, len(LOGS), 3)]
ts = [threading.Thread(target=analyze, args=(c,)) for c in chunks]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(status.most_common(2), methods["GET"], sum(status.values()), sorted(status))
print(status - Counter({"200": 4}), +Counter({"x": -1, "y": 2}))
