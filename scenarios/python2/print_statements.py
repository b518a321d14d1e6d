# Python 2 as the notes write it, run with --python 2.7: print statements (items separated by
# spaces, a trailing comma that leaves the line open, `print >>stream`), `%` formatting,
# `except E, e`, the `Queue` and `thread` modules, `xrange` and integer division. A worker
# prints while the main thread waits for it; the output is compared with CPython 2.7.
# gilsim: expect=ok python=2.7
import sys
import threading
import time
import Queue
import thread

results = Queue.Queue()


def worker(n):
    print 'worker %d starts in %s' % (n, threading.current_thread().name)
    total = 0
    for i in xrange(n):
        total += i
    results.put(total / 2)
    print 'worker', n, 'done:', total, 'halved', total / 2, 'or', total / 2.0


t = threading.Thread(target=worker, args=(7,))
t.start()
t.join()
print 'the queue holds', results.get()
print 'ints divide down:', 7 / 2, -7 / 2, 'floats do not:', 7.0 / 2
try:
    print 1 / 0
except ZeroDivisionError, e:
    print 'caught:', e
print >>sys.stderr, 'to stderr'
print 'an ident:', thread.get_ident() > 0
for i in xrange(3):
    print i,
print
evens = range(0, 10, 2)
evens.append(10)
print 'range makes a list:', evens, evens[1:3]
print 'ends', 'open',
