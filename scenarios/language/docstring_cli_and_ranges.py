# gilsim: expect=ok
"""Shard a batch of job ids over worker threads.

The module docstring doubles as the command's help text, as many scripts do with
argparse.ArgumentParser(description=__doc__).
"""
# Each worker takes the ids of one shard (a range with a step) and reports where each of its
# ids sits in the shard (range.index, range.count; `in` on a range also takes a float equal to
# an int).
import argparse
import threading

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--shards", type=int, default=3)
args = parser.parse_args([])
print(__doc__.splitlines()[0])
print(parser.description == __doc__, args.shards)

JOBS = range(100, 130)
found = {}
lock = threading.Lock()


def worker(shard):
    ids = JOBS[shard::args.shards]
    positions = [(job, ids.index(job)) for job in (100, 104, 111, 127) if ids.count(job)]
    with lock:
        found[shard] = (ids, positions)


threads = [threading.Thread(target=worker, args=(s,)) for s in range(args.shards)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for shard in sorted(found):
    print(shard, *found[shard])

evens = range(0, 20, 2)
print(evens.index(8), evens.count(7), evens.count(True), 4.0 in evens, 4.5 in evens, range(10, 0, -3).index(4))
for missing in (7, "x", 2.5):
    try:
        evens.index(missing)
    except ValueError as e:
        print("ValueError:", e)
