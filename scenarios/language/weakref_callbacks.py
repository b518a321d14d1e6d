# gilsim: expect=ok
# weakref callbacks and weakref.finalize: a cache of connections whose entries go away with
# their last user, callbacks run when the referent dies (newest reference's first, never for
# a reference that died first), finalizers called, detached, and run at exit newest first.
import threading
import weakref


class Connection(object):
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Connection(%r)" % self.name


events = []
lock = threading.Lock()


def closed(name):
    with lock:
        events.append("closed " + name)


def use(name):
    conn = Connection(name)
    weakref.finalize(conn, closed, name)
    with lock:
        events.append("using " + name)


workers = [threading.Thread(target=use, args=("db%d" % i,)) for i in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sorted(events))

target = Connection("shared")
first = weakref.ref(target, lambda ref: print("first callback, dead:", ref() is None))
second = weakref.ref(target, lambda ref: print("second callback"))
dropped = weakref.ref(target, lambda ref: print("never printed"))
del dropped
print(first() is target, second.__callback__ is not None)
del target
print("after del")

keeper = Connection("kept")
fin = weakref.finalize(keeper, print, "finalized", "kept")
print(fin.alive, fin.atexit, fin.peek()[1:])
print(fin(), fin(), fin.alive)
detached = weakref.finalize(Connection("tmp"), print, "already dead")
print(detached.alive)
late = Connection("late")
weakref.finalize(late, print, "at exit: first made")
weakref.finalize(late, print, "at exit: made second")
skipped = weakref.finalize(late, print, "not at exit")
skipped.atexit = False
gone = Connection("gone")
undone = weakref.finalize(gone, print, "detached, never called")
print(undone.detach()[0], undone.alive)
del gone
print("end of script")
