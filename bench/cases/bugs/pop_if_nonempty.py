# `while jobs: jobs.pop()` from two threads: both can see one job left, and the second
# pop raises IndexError in its thread.
# Bench: runs to the first failure (bench/find.sh).
import threading

jobs = ["a", "b", "c"]
done = []


def drain():
    while jobs:
        name = "job-" + "x"
        job = jobs.pop()
        done.append(job)


workers = [threading.Thread(target=drain) for _ in range(2)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sorted(done))
