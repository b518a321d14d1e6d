# gilsim: expect=exception python=2.7
# Python 2 as old tutorials show it: `print type(x)` of the built-in types, big numbers
# that become longs (the `L` in their repr), xrange objects, an exception's `message`, and
# worker threads that re-raise after logging (the traceback keeps the original line).
import threading
import sys
import traceback

print type(5), type("s"), type([]), type({}), type(None), type(len), type(1.5), type(True)
print type(threading.Lock()), type(threading.Thread()), ValueError, KeyError
print 2 ** 64, repr(2 ** 64), [2 ** 70, -2 ** 63 - 1], "%r and %s" % (2 ** 65, 2 ** 65)
print sys.maxint, [sys.maxint + 1], 9223372036854775807
print hex(2 ** 70), oct(-2 ** 70), bin(2 ** 70), hex(255), oct(8), "%x" % 2 ** 70
print xrange(3), xrange(1, 5), xrange(0, 10, 3), xrange(10, 0, -2), [xrange(0)]
print set([7]), set(), frozenset(["x"]), [frozenset()], b"raw", type(b"raw")

errors = []
lock = threading.Lock()


def work(n):
    try:
        if n % 2:
            raise ValueError("odd input %d" % n)
        return n
    except ValueError, e:
        with lock:
            errors.append((e.message, e.args))
        raise


threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print errors, KeyError("k").message, repr(Exception().message)


class Resource(object):
    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        print "closing while handling", sys.exc_info()[0]
        return False


try:
    with Resource():
        work(3)
except ValueError:
    traceback.print_exc(file=sys.stdout)
work(5)
