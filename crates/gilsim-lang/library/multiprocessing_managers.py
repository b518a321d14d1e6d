# gilsim's multiprocessing.managers (CPython's multiprocessing/managers.py, in outline).

import atexit
import time
import _gilsim
from multiprocessing import (
    BoundedSemaphore,
    Condition,
    Event,
    ForkProcess,
    JoinableQueue,
    Lock,
    Process,
    ProcessError,
    Queue,
    RLock,
    Semaphore,
    SpawnProcess,
    get_start_method,
)


# A manager is a server process holding the objects its proxies stand for. Here the objects
# are shared with every process (as the server's are reachable from each), and each proxy
# method call costs the caller a round trip to the server (half before the operation, half
# after); values cross by pickling both ways (`d[k].append(x)` changes a copy). Subscripts,
# `in`, `len`, iteration and `Value.value` (dunder methods and properties) are immediate: such
# methods written in Python cannot block in gilsim yet, so `d[k] += 1` has a narrower window
# than CPython's.

_MANAGER_HALF_TRIP = 0.000015


# The managers this process started. At its exit they are shut down before its children are
# joined (CPython runs the managers' finalizers first); a child, which leaves through
# os._exit, shuts down none of its parent's.
_managers = []
_exit_registered = False


def _shutdown_managers():
    for manager in list(_managers):
        manager.shutdown()


def _run_manager_server(ready, stop):
    ready.set()
    stop.wait()


def _call(op, *args):
    time.sleep(_MANAGER_HALF_TRIP)
    try:
        return op(*args)
    finally:
        time.sleep(_MANAGER_HALF_TRIP)


class BaseProxy(object):
    __gilsim_proxy__ = True
    _typeid = None

    def __init__(self, referent):
        self._referent = referent

    def __repr__(self):
        return "<%s object, typeid %r at %#x>" % (type(self).__name__, self._typeid, id(self))

    def __str__(self):
        return repr(self._referent)

    def _getvalue(self):
        return _call(_gilsim.transfer, self._referent)


def _get(container, key):
    return _gilsim.transfer(container[key])


def _set(container, key, value):
    container[key] = value


def _del(container, key):
    del container[key]


class DictProxy(BaseProxy):
    _typeid = "dict"

    def __getitem__(self, key):
        return _get(self._referent, key)

    def __setitem__(self, key, value):
        _set(self._referent, _gilsim.transfer(key), _gilsim.transfer(value))

    def __delitem__(self, key):
        _del(self._referent, key)

    def __contains__(self, key):
        return key in self._referent

    def __len__(self):
        return len(self._referent)

    def __iter__(self):
        return iter(list(self._referent))

    def get(self, key, default=None):
        return _gilsim.transfer(_call(self._referent.get, key, default))

    def setdefault(self, key, default=None):
        return _gilsim.transfer(_call(self._referent.setdefault, key, _gilsim.transfer(default)))

    def pop(self, key, *default):
        return _call(self._referent.pop, key, *default)

    def popitem(self):
        return _call(self._referent.popitem)

    def update(self, *args, **kwargs):
        _call(self._referent.update, *[_gilsim.transfer(a) for a in args], **_gilsim.transfer(kwargs))

    def keys(self):
        return _call(list, self._referent.keys())

    def values(self):
        return _gilsim.transfer(_call(list, self._referent.values()))

    def items(self):
        return _gilsim.transfer(_call(list, self._referent.items()))

    def copy(self):
        return self._getvalue()

    def clear(self):
        _call(self._referent.clear)


class ListProxy(BaseProxy):
    _typeid = "list"

    def __getitem__(self, index):
        return _get(self._referent, index)

    def __setitem__(self, index, value):
        _set(self._referent, index, _gilsim.transfer(value))

    def __delitem__(self, index):
        _del(self._referent, index)

    def __contains__(self, value):
        return value in self._referent

    def __len__(self):
        return len(self._referent)

    def __iter__(self):
        return iter(_gilsim.transfer(self._referent))

    def __iadd__(self, values):
        self._referent.extend(_gilsim.transfer(values))
        return self

    def append(self, value):
        _call(self._referent.append, _gilsim.transfer(value))

    def extend(self, values):
        _call(self._referent.extend, _gilsim.transfer(values))

    def insert(self, index, value):
        _call(self._referent.insert, index, _gilsim.transfer(value))

    def pop(self, *index):
        return _call(self._referent.pop, *index)

    def remove(self, value):
        _call(self._referent.remove, value)

    def index(self, value, *args):
        return _call(self._referent.index, value, *args)

    def count(self, value):
        return _call(self._referent.count, value)

    def sort(self, key=None, reverse=False):
        _call(self._referent.sort, key=key, reverse=reverse)

    def reverse(self):
        _call(self._referent.reverse)


class _ManagedValue(object):
    # managers.Value, the object a ValueProxy stands for.
    def __init__(self, typecode, value):
        self._typecode = typecode
        self._value = value

    def __repr__(self):
        return "%s(%r, %r)" % ("Value", self._typecode, self._value)


def _value_of(managed):
    return _gilsim.transfer(managed._value)


def _set_value(managed, value):
    managed._value = value


class ValueProxy(BaseProxy):
    _typeid = "Value"

    def get(self):
        return _call(_value_of, self._referent)

    def set(self, value):
        _call(_set_value, self._referent, _gilsim.transfer(value))

    # A property, so immediate like the dunder methods (see above).
    @property
    def value(self):
        return _value_of(self._referent)

    @value.setter
    def value(self, value):
        _set_value(self._referent, _gilsim.transfer(value))


class Namespace(object):
    # managers.Namespace, what a NamespaceProxy stands for.
    def __repr__(self):
        items = sorted((name, value) for name, value in self.__dict__.items() if not name.startswith("_"))
        return "Namespace(%s)" % ", ".join("%s=%r" % item for item in items)


def _get_attribute(referent, name):
    return _gilsim.transfer(getattr(referent, name))


class NamespaceProxy(BaseProxy):
    # Attributes not starting with "_" live in the manager; each access is a round trip.
    _typeid = "Namespace"

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return _call(_get_attribute, self._referent, name)

    def __setattr__(self, name, value):
        if name.startswith("_"):
            object.__setattr__(self, name, value)
            return
        _call(setattr, self._referent, name, _gilsim.transfer(value))

    def __delattr__(self, name):
        if name.startswith("_"):
            object.__delattr__(self, name)
            return
        _call(delattr, self._referent, name)


class BaseManager(object):
    # The server process's life: start, shutdown, `with`.
    def __init__(self, address=None, authkey=None, serializer="pickle", ctx=None, *, shutdown_timeout=1.0):
        self._process = None
        self._state = "INITIAL"

    def start(self, initializer=None, initargs=()):
        global _exit_registered
        if self._state != "INITIAL":
            raise ProcessError("Already started server")
        self._ready = Event()
        self._stop = Event()
        # The context's Process class (`<ForkProcess name='SyncManager-1' ...>`); 2.7 has one.
        if _gilsim.version < (3,):
            process_class = Process
        else:
            process_class = SpawnProcess if get_start_method() == "spawn" else ForkProcess
        self._process = process_class(target=_run_manager_server, args=(self._ready, self._stop))
        self._process.name = type(self).__name__ + "-" + ":".join(str(i) for i in self._process._identity)
        self._process.start()
        # CPython's start() waits for the server to send its address.
        self._ready.wait()
        self._state = "STARTED"
        _managers.append(self)
        if not _exit_registered:
            _exit_registered = True
            atexit.register(_shutdown_managers)

    def shutdown(self):
        if self._state != "STARTED":
            return
        self._state = "SHUTDOWN"
        self._stop.set()
        self._process.join()
        if self in _managers:
            _managers.remove(self)

    def __enter__(self):
        if self._state == "INITIAL":
            self.start()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()


class SyncManager(BaseManager):
    def dict(self, *args, **kwargs):
        return DictProxy(dict(*[_gilsim.transfer(a) for a in args], **_gilsim.transfer(kwargs)))

    def list(self, sequence=()):
        return ListProxy(list(_gilsim.transfer(sequence)))

    def Value(self, typecode, value, lock=True):
        return ValueProxy(_ManagedValue(typecode, _gilsim.transfer(value)))

    def Namespace(self, **kwargs):
        namespace = Namespace()
        for name, value in kwargs.items():
            setattr(namespace, name, _gilsim.transfer(value))
        return NamespaceProxy(namespace)

    def Lock(self):
        return Lock()

    def RLock(self):
        return RLock()

    def Semaphore(self, value=1):
        return Semaphore(value)

    def BoundedSemaphore(self, value=1):
        return BoundedSemaphore(value)

    def Condition(self, lock=None):
        return Condition(lock)

    def Event(self):
        return Event()

    def Queue(self, maxsize=0):
        return Queue(maxsize)

    def JoinableQueue(self, maxsize=0):
        return JoinableQueue(maxsize)


if _gilsim.version >= (3, 8):

    class SharedMemoryManager(BaseManager):
        # Its server tracks the shared memory blocks made through it and unlinks them when
        # it shuts down (CPython's SharedMemoryServer and _SharedMemoryTracker).
        def __init__(self, *args, **kwargs):
            BaseManager.__init__(self, *args, **kwargs)
            self._segment_names = []

        def _check_started(self):
            if self._state != "STARTED":
                raise ValueError("Unrecognized state {!r}".format(self._state))

        def SharedMemory(self, size):
            from multiprocessing import shared_memory
            self._check_started()
            sms = shared_memory.SharedMemory(None, create=True, size=size)
            _call(self._segment_names.append, sms.name)
            return sms

        def ShareableList(self, sequence):
            from multiprocessing import shared_memory
            self._check_started()
            sl = shared_memory.ShareableList(sequence)
            _call(self._segment_names.append, sl.shm.name)
            return sl

        def shutdown(self):
            if self._state == "STARTED":
                # The server unlinks what it tracks before it exits.
                from multiprocessing import shared_memory
                for name in self._segment_names:
                    try:
                        segment = shared_memory.SharedMemory(name, create=False)
                    except FileNotFoundError:
                        continue
                    segment.close()
                    segment.unlink()
                self._segment_names = []
            BaseManager.shutdown(self)
