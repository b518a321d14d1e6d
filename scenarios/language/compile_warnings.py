# gilsim: expect=ok
# What CPython's compiler warns of before a script runs, in a threaded log counter written
# the way many are: regular expressions in plain strings ("\d", "\s": a SyntaxWarning from
# 3.12, silent before) and identity tests against literals (`is 0`, `is not ""`: a
# SyntaxWarning from 3.8, naming the literal's type from 3.12), an assertion of a tuple
# (always true: every version warns) and a missing comma between tuples (a call of a tuple,
# 3.8+). Warnings in a function that never runs are printed too: the whole file is compiled
# first.
import re
import threading

LINES = [
    "2024-01-05 12:00:01 worker-1 took 35 ms",
    "2024-01-05 12:00:02 worker-2 took 120 ms",
    "2024-01-05 12:00:02 worker-1 FAILED",
    "2024-01-05 12:00:03 worker-3 took 7 ms",
]

TIMING = re.compile("(\d+-\d+-\d+) (\S+) (worker-\d) took (\d+) ms")
FAILURE = re.compile(r"(worker-\d) FAILED")
lock = threading.Lock()
totals = {}
failures = []


def parse(line):
    match = TIMING.match(line)
    if match is not None:
        with lock:
            worker = match.group(3)
            totals[worker] = totals.get(worker, 0) + int(match.group(4))
        return
    failed = FAILURE.search(line)
    if failed:
        with lock:
            failures.append(failed.group(1))


def never_called(value):
    if value is "done" or value is -1:
        return b"\q"
    pairs = [("a", 1) ("b", 2)]
    return f"{value}\w", pairs


threads = [threading.Thread(target=parse, args=(line,)) for line in LINES]
for t in threads:
    t.start()
for t in threads:
    t.join()

count = len(failures)
assert (count >= 0, "a count is never negative")
if count is 0:
    print("no failures")
elif count is not 0:
    print("failures:", failures)
for worker in sorted(totals):
    print(worker, totals[worker], "ms")
print("tab\there", "octal \101", 'quote \'', "\\d stays")
