# Modelled on "scan log lines in parallel with re" examples.
import re
import threading

LINES = [
    "2024-01-03 12:00:01 ERROR disk /dev/sda1 full",
    "2024-01-03 12:00:02 INFO user alice logged in",
    "2024-01-03 12:00:05 WARNING cpu at 91%",
    "2024-01-03 12:01:00 ERROR timeout talking to 10.0.0.7",
    "2024-01-03 12:02:13 INFO user bob logged in",
]
PATTERN = re.compile(r"^(\S+) (\S+) (ERROR|WARNING|INFO) (.*)$")
found = {}
lock = threading.Lock()


def scan(idx, line):
    m = PATTERN.match(line)
    if m:
        with lock:
            found[idx] = (m.group(3), m.group(4))


ts = [threading.Thread(target=scan, args=(i, l)) for i, l in enumerate(LINES)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for idx in sorted(found):
    level, msg = found[idx]
    print(idx, level, msg)
users = re.findall(r"user (\w+)", "\n".join(LINES))
print("users:", users)
print(re.sub(r"\d+\.\d+\.\d+\.\d+", "<ip>", LINES[3]))
