# State kept on a function object, as scripts count calls or memoise: two threads update
# `tick.count` without a lock (an update can be lost) and fill `tick.seen`.
import threading


def tick(name):
    tick.count += 1
    tick.seen = tick.seen + (name,)


tick.count = 0
tick.seen = ()
threads = [threading.Thread(target=tick, args=(n,)) for n in "ab"]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(tick.count, tick.seen)
