# Notes 003, thread-local data, in Python 2 as the notes write it: each worker stores its own
# name in a threading.local() and reads back only its own (run with --python 2.7; compared
# with CPython 2.7). The notes start both workers before joining either; which one prints
# first then varies from run to run on CPython 2.7 too, so here each is joined before the
# next starts.
# gilsim: expect=ok python=2.7
import threading

local = threading.local()


def greet(name):
    print 'current thread: %s' % threading.currentThread().name
    local.name = name
    print '%s in %s' % (local.name, threading.currentThread().name)


for name in ('ada', 'grace'):
    worker = threading.Thread(target=greet, args=(name,))
    worker.start()
    worker.join()
print 'main sees a name of its own:', hasattr(local, 'name')
