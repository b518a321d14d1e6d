# Modelled on examples of lru_cache and partial used from worker threads.
import functools
import threading


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def report(prefix, n, out):
    out.append("%s fib(%d) = %d" % (prefix, n, fib(n)))


out = []
jobs = [functools.partial(report, "job", n, out) for n in (10, 20, 30)]
threads = [threading.Thread(target=job) for job in jobs]
for t in threads:
    t.start()
for t in threads:
    t.join()
for line in sorted(out):
    print(line)
print(functools.reduce(lambda a, b: a + b, range(10)))
