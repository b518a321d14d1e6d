# multiprocessing.dummy: the multiprocessing API over threads (CPython's
# multiprocessing/dummy/__init__.py) — `Pool` is a ThreadPool, `Process` a thread, the
# queues and locks are threading's and queue's.
import threading
from queue import Queue
from threading import Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event, Barrier

__all__ = [
    "Process", "current_process", "active_children", "freeze_support", "Lock", "RLock",
    "Semaphore", "BoundedSemaphore", "Condition", "Event", "Barrier", "Queue", "Manager",
    "Pipe", "Pool", "JoinableQueue",
]

JoinableQueue = Queue


class DummyProcess(threading.Thread):
    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}):
        threading.Thread.__init__(self, group, target, name, args, kwargs)
        self._pid = None
        self._start_called = False

    def start(self):
        self._start_called = True
        threading.Thread.start(self)

    @property
    def exitcode(self):
        if self._start_called and not self.is_alive():
            return 0
        return None


Process = DummyProcess
current_process = threading.current_thread


def active_children():
    return [t for t in threading.enumerate() if isinstance(t, DummyProcess) and t.is_alive()]


def freeze_support():
    pass


class Namespace(object):
    def __init__(self, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        items = list(self.__dict__.items())
        temp = []
        for name, value in items:
            if not name.startswith("_"):
                temp.append("%s=%r" % (name, value))
        temp.sort()
        return "%s(%s)" % (self.__class__.__name__, ", ".join(temp))


dict = dict
list = list


class Value(object):
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, value):
        self._value = value

    def __repr__(self):
        return "<%s(%r, %r)>" % (type(self).__name__, self._typecode, self._value)


def Array(typecode, sequence, lock=True):
    return [x for x in sequence]


def Manager():
    import multiprocessing.dummy
    return multiprocessing.dummy


def shutdown():
    pass


def Pool(processes=None, initializer=None, initargs=()):
    from multiprocessing.pool import ThreadPool
    return ThreadPool(processes, initializer, initargs)
