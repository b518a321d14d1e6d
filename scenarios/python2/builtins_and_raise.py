# A Python 2 work queue as 2.7-era tutorials write it: results collected in a dict and read
# back with has_key/iteritems/keys(), map() used for its side effects (it is eager in 2.7,
# so the threads do start), filter/zip/reduce returning lists and values, and errors raised
# with `raise E, "message"` and caught with `except E, e`; a sort by a cmp function,
# apply(), 2.7's round(): a float, halves away from zero, and `bytes`, 2.7's alias of str
# (run with --python 2.7; compared with CPython 2.7).
# gilsim: expect=ok python=2.7
import threading
import Queue

jobs = Queue.Queue()
results = {}
lock = threading.Lock()


class BadJob(Exception):
    pass


def check(n):
    if n % 7 == 0:
        raise BadJob, "job %d is cursed" % n
    return n * n


def worker():
    while True:
        try:
            n = jobs.get_nowait()
        except Queue.Empty:
            return
        try:
            value = check(n)
        except BadJob, e:
            value = str(e)
        lock.acquire()
        results[n] = value
        lock.release()


for n in xrange(1, 15):
    jobs.put(n)
workers = [threading.Thread(target=worker) for _ in range(3)]
map(lambda w: w.start(), workers)
map(threading.Thread.join, workers)

print "done:", len(results), "results"
print "has 7:", results.has_key(7), "has 99:", results.has_key(99)
for n, value in sorted(results.iteritems()):
    if isinstance(value, basestring):
        print n, "->", value
numbers = filter(lambda v: not isinstance(v, str), results.values())
print "sum of squares:", reduce(lambda a, b: a + b, numbers)
print "first keys:", sorted(results.keys())[:3], type(results.keys()).__name__
print zip(["a", "b"], [1, 2]), map(str, [1, 2]), unicode("text")
by_value = sorted(results.items(), cmp=lambda a, b: cmp(str(b[1]), str(a[1])))
print "largest as text:", by_value[0], apply(max, [3, 9, 4])
print "rounded:", round(2.5), round(-2.5), round(7), round(0.125, 2), round(2.675, 2), round(1250, -2)
print "bytes:", bytes is str, bytes(42), isinstance("raw", bytes), type(b"x").__name__
