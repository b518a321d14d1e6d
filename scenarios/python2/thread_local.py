# Notes 003, thread-local data, in Python 2 as the notes write it: each worker stores its own
# name in a threading.local() and reads back only its own (run with --python 2.7; compared
# with CPython 2.7).
# gilsim: expect=ok python=2.7
import threading

local = threading.local()


def greet(name):
    print 'current thread: %s' % threading.currentThread().name
    local.name = name
    print '%s in %s' % (local.name, threading.currentThread().name)


first = threading.Thread(target=greet, args=('ada',))
second = threading.Thread(target=greet, args=('grace',))
first.start()
second.start()
first.join()
second.join()
print 'main sees a name of its own:', hasattr(local, 'name')
