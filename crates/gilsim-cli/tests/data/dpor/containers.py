# Unlocked container updates from two threads: appends interleave, a dict check-then-set races.
import threading

log = []
seen = {}


def visit(name):
    log.append(name)
    if "first" not in seen:
        seen["first"] = name


visitors = [threading.Thread(target=visit, args=(n,)) for n in "xy"]
for v in visitors:
    v.start()
for v in visitors:
    v.join()
print(log, seen)
