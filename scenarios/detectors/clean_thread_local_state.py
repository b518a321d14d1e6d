# gilsim: expect=ok policy=preemptive runs=100
# Looks dangerous, is correct: every thread counts in `ctx.count` on one shared
# threading.local object, and a helper updates it without a lock. Each thread has its own
# copy of the attribute, so there is nothing to race on.
import threading

ctx = threading.local()
results = {}


def bump():
    ctx.count += 1


def worker(name):
    ctx.count = 0
    for _ in range(10):
        bump()
    results[name] = ctx.count


threads = [threading.Thread(target=worker, args=("w%d" % n,)) for n in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
