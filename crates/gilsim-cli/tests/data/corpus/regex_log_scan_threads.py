# Modelled on log scanners that count levels with re and Counter from threads.
import re
import threading
from collections import Counter

LINES = [
    "2024-01-02 10:00:01 ERROR disk full on /dev/sda1",
    "2024-01-02 10:00:02 INFO user alice logged in",
    "2024-01-02 10:00:03 WARN cpu 91%",
    "2024-01-02 10:00:04 ERROR timeout after 30s",
    "2024-01-02 10:00:05 INFO user bob logged in",
]
pattern = re.compile(r"^(\S+) (\S+) (?P<level>[A-Z]+) (?P<msg>.*)$")
counts = Counter()
lock = threading.Lock()

def scan(lines):
    for line in lines:
        m = pattern.match(line)
        if m:
            with lock:
                counts[m.group("level")] += 1

ts = [threading.Thread(target=scan, args=(LINES[i::2],)) for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(counts.most_common())
print(re.findall(r"user (\w+)", "\n".join(LINES)))
print(re.sub(r"\d+", "#", LINES[0]))
print(re.split(r"\s+", "a  b\tc"), bool(re.search("cpu", LINES[2])))
