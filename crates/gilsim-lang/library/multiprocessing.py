# gilsim's multiprocessing: processes on the simulated machine, following CPython's
# multiprocessing/process.py, synchronize.py and queues.py (3.11, with the 3.6-3.13 differences
# noted). A process is started with the fork start method: the child begins with a copy of
# the parent's memory and runs Process._bootstrap(), as in CPython on Linux. Locks,
# semaphores, conditions and events are built on one shared primitive, SemLock, as CPython
# builds them on POSIX semaphores; queues and pipes carry pickled values through channels.
# Differences from CPython: a Queue pickles in put() (CPython pickles in a feeder thread, so
# an unpicklable object is reported by that thread, not raised), and the data is in the queue
# as soon as put() returns.

import atexit
import os
import sys
import threading
import time
import _gilsim
from collections import deque as _deque
from queue import Empty, Full


def _module(name, py2=None):
    # The module CPython defines a class in: `multiprocessing.<name>` (2.7's where it differs).
    if py2 is not None and _gilsim.version < (3,):
        return py2
    return "multiprocessing." + name


class ProcessError(Exception):
    __module__ = _module("context", "multiprocessing")


class BufferTooShort(ProcessError):
    __module__ = _module("context", "multiprocessing")


class TimeoutError(ProcessError):
    __module__ = _module("context", "multiprocessing")


class AuthenticationError(ProcessError):
    __module__ = _module("context", "multiprocessing")


# ---- logging (util.py) ----

SUBDEBUG = 5
SUBWARNING = 25
_LOGGER_NAME = "multiprocessing"
_DEFAULT_LOGGING_FORMAT = "[%(levelname)s/%(processName)s] %(message)s"
_logger = None


def _log(level, msg, *args):
    # util.sub_debug/debug/info: nothing until the script asked for the logger.
    if _logger:
        _logger.log(level, msg, *args)


def get_logger():
    global _logger
    import logging

    if not _logger:
        _logger = logging.getLogger(_LOGGER_NAME)
        _logger.propagate = 0
        if _gilsim.version < (3, 0):
            logging.addLevelName(SUBDEBUG, "SUBDEBUG")
            logging.addLevelName(SUBWARNING, "SUBWARNING")
        # Registered again, so that it runs (and logs) before logging shuts down.
        atexit.unregister(_exit_function)
        atexit.register(_exit_function)
    return _logger


def log_to_stderr(level=None):
    import logging

    logger = get_logger()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(_DEFAULT_LOGGING_FORMAT))
    logger.addHandler(handler)
    if level:
        logger.setLevel(level)
    return _logger


# ---- processes (process.py) ----

_exitcode_to_name = {-15: "SIGTERM", -9: "SIGKILL", -2: "SIGINT", -1: "SIGHUP", -6: "SIGABRT"}


class BaseProcess(object):
    __module__ = _module("process")
    # The started processes' pids by sentinel (CPython's are pipe file descriptors), for
    # `multiprocessing.connection.wait()`; not the process objects, which a pool that
    # recycles its workers would otherwise keep for the whole run.
    _pid_by_sentinel = {}
    _next_sentinel = 5
    # The start method of the context the class belongs to (None: the default context's).
    _start_method = None

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        global _process_counter
        if daemon is not None and _gilsim.version < (3, 0):
            # 2.7's Process has no `daemon` argument (set the attribute).
            raise TypeError("__init__() got an unexpected keyword argument 'daemon'")
        assert group is None, "group argument must be None for now"
        count = _process_counter
        _process_counter += 1
        self._identity = _current_process._identity + (count,)
        self._daemonic = _current_process._daemonic
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + "-" + ":".join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        self._check_closed()
        assert self._popen is None, "cannot start a process twice"
        assert self._parent_pid == os.getpid(), "can only start a process object created by current process"
        assert not _current_process._daemonic, "daemonic processes are not allowed to have children"
        _cleanup()
        method = self._start_method or _start_method or "fork"
        self._popen = _gilsim.process_start(self, method == "spawn")
        self._sentinel = BaseProcess._next_sentinel
        BaseProcess._next_sentinel += 2
        BaseProcess._pid_by_sentinel[self._sentinel] = self._popen
        # Avoid a refcycle if the target function holds an indirect reference to the
        # process object (see bpo-30775)
        del self._target, self._args, self._kwargs
        _children.append(self)

    @property
    def sentinel(self):
        # The file descriptor `multiprocessing.connection.wait()` waits on for the exit.
        self._check_closed()
        try:
            return self._sentinel
        except AttributeError:
            raise ValueError("process not started") from None

    def terminate(self):
        self._check_closed()
        if self._popen is not None:
            _gilsim.process_end(self._popen, 15)

    def kill(self):
        self._check_closed()
        if self._popen is not None:
            _gilsim.process_end(self._popen, 9)

    def join(self, timeout=None):
        self._check_closed()
        assert self._parent_pid == os.getpid(), "can only join a child process"
        assert self._popen is not None, "can only join a started process"
        _gilsim.process_join(self._popen, timeout)
        if _gilsim.process_exitcode(self._popen) is not None and self in _children:
            _children.remove(self)

    def is_alive(self):
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), "can only test a child process"
        if self._popen is None:
            return False
        if _gilsim.process_exitcode(self._popen) is None:
            return True
        if self in _children:
            _children.remove(self)
        return False

    def close(self):
        if self._popen is not None and _gilsim.process_exitcode(self._popen) is None:
            raise ValueError(
                "Cannot close a process while it is still running. You should first call join() or terminate()."
            )
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), "name must be a string"
        self._name = name

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, "process has already started"
        self._daemonic = daemonic

    @property
    def exitcode(self):
        self._check_closed()
        if self._popen is None:
            return None
        return _gilsim.process_exitcode(self._popen)

    @property
    def ident(self):
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._popen

    pid = ident

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = "started"
        elif self._closed:
            status = "closed"
        elif self._parent_pid != os.getpid():
            status = "unknown"
        elif self._popen is None:
            status = "initial"
        else:
            exitcode = _gilsim.process_exitcode(self._popen)
            status = "started" if exitcode is None else "stopped"
        if _gilsim.version < (3, 8):
            if exitcode is not None:
                status = "stopped" if exitcode == 0 else "stopped[%s]" % _exitcode_to_name.get(exitcode, exitcode)
            return "<%s(%s, %s%s)>" % (type(self).__name__, self._name, status, self.daemon and " daemon" or "")
        info = [type(self).__name__, "name=%r" % self._name]
        if self._popen is not None:
            info.append("pid=%s" % self._popen)
        info.append("parent=%s" % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            info.append("exitcode=%s" % _exitcode_to_name.get(exitcode, exitcode))
        if self.daemon:
            info.append("daemon")
        return "<%s>" % " ".join(info)

    def _bootstrap(self):
        # The child's main call (the machine forked it): run, then exit with a status. Up to
        # 3.12 the child shuts down (util._exit_function) as run() ends; from 3.13 in the
        # atexit handlers popen_fork runs after _bootstrap, so after "process exiting".
        global _current_process, _parent_process, _process_counter, _children
        try:
            try:
                _process_counter = 1
                _children = []
                del _feeders[:]
                _parent_process = _ParentProcess(self._parent_name, self._parent_pid)
                _current_process = self
                try:
                    _log(20, "child process calling self.run()")
                    self.run()
                    exitcode = 0
                finally:
                    if _gilsim.version < (3, 13):
                        _exit_function()
            except SystemExit as e:
                code = e.args[0] if e.args else None
                if code is None:
                    exitcode = 0 if _gilsim.version >= (3, 9) else 1
                elif isinstance(code, int):
                    exitcode = code
                else:
                    sys.stderr.write(str(code) + "\n")
                    exitcode = 1
            _log(20, "process exiting with exitcode %d" % exitcode)
        finally:
            if _gilsim.version >= (3, 13):
                _exit_function()
        # Any other exception leaves the child's main call: the machine prints it under the
        # process's name (`Process Process-1:` and the traceback) and exits with status 1.
        return exitcode


class Process(BaseProcess):
    __module__ = _module("context", "multiprocessing.process")


class _MainProcess(BaseProcess):
    __module__ = _module("process")
    def __init__(self):
        self._identity = ()
        self._daemonic = False
        self._name = _gilsim.process_name()
        self._parent_pid = None
        self._popen = None
        self._closed = False

    def close(self):
        pass


if _gilsim.version < (3, 7):
    # close() and kill() came in 3.7.
    del BaseProcess.close, BaseProcess.kill, _MainProcess.close


class _ParentProcess(BaseProcess):
    __module__ = _module("process")
    def __init__(self, name, pid):
        self._identity = ()
        self._daemonic = False
        self._name = name
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._pid = pid

    def is_alive(self):
        return _gilsim.process_exitcode(self._pid) is None

    @property
    def ident(self):
        return self._pid

    pid = ident

    def join(self, timeout=None):
        _gilsim.process_join(self._pid, timeout)


_current_process = _MainProcess()
_parent_process = None
_process_counter = 1
_children = []


def current_process():
    return _current_process


if _gilsim.version >= (3, 8):

    def parent_process():
        return _parent_process


def _cleanup():
    for p in list(_children):
        if _gilsim.process_exitcode(p._popen) is not None:
            _children.remove(p)


def active_children():
    _cleanup()
    return list(_children)


def cpu_count():
    return os.cpu_count()


_exiting = False


def _exit_function():
    # multiprocessing.util._exit_function (once per process): daemonic children are
    # terminated, the others joined (managers were shut down before: see managers.py).
    global _exiting
    if _exiting:
        return
    _exiting = True
    _log(20, "process shutting down")
    _log(10, 'running all "atexit" finalizers with priority >= 0')
    for feeder in _feeders:
        feeder.stop()
    children = active_children()
    for p in children:
        if p.daemon:
            _log(20, "calling terminate() for daemon %s", p.name)
            p.terminate()
    # A daemon just sent SIGTERM has not died yet when CPython looks again: it is joined too.
    for p in children:
        if p.daemon or p.is_alive():
            _log(20, "calling join() for process %s", p.name)
            p.join()
    _log(10, 'running the remaining "atexit" finalizers')
    for feeder in _feeders:
        Queue._finalize_join(feeder.thread)
    if _parent_process is None:
        _report_leaked_shared_memory()


# The line of CPython's resource tracker that warns about leaks, by version.
_TRACKER_WARNING_SITE = {(3, 8): 216, (3, 9): 216, (3, 10): 224, (3, 11): 254, (3, 12): 254, (3, 13): 276}


def _report_leaked_shared_memory():
    # multiprocessing.resource_tracker: once every process is gone, the tracker warns about
    # the shared memory blocks that were created or opened and never unlinked (and unlinks
    # them). Only SharedMemory registers, so nothing is said unless it was used.
    leaked = _gilsim.shm_leaked()
    if not leaked:
        return
    text = ("resource_tracker: There appear to be %d leaked shared_memory objects to clean up at shutdown"
            % len(leaked))
    line = _TRACKER_WARNING_SITE[_gilsim.version]
    if _gilsim.version >= (3, 13):
        source = "warnings.warn("
        text += ": %r" % set(leaked)
    else:
        source = "warnings.warn('resource_tracker: There appear to be %d '"
    sys.stderr.write("/usr/lib/python%d.%d/multiprocessing/resource_tracker.py:%d: UserWarning: %s\n  %s\n"
                     % (_gilsim.version + (line, text, source)))


atexit.register(_exit_function)


_start_method = None
_START_METHODS = ("fork", "spawn", "forkserver")


def get_start_method(allow_none=False):
    global _start_method
    if _start_method is None and not allow_none:
        _start_method = "fork"
    return _start_method


def get_all_start_methods():
    return ["fork", "spawn", "forkserver"]


def _check_method(method):
    if method not in _START_METHODS:
        raise ValueError("cannot find context for %r" % method)
    if method == "forkserver":
        raise ValueError("gilsim simulates the 'fork' and 'spawn' start methods (not 'forkserver')")


def set_start_method(method, force=False):
    global _start_method
    if _start_method is not None and not force:
        raise RuntimeError("context has already been set")
    if method is None and force:
        _start_method = None
        return
    _check_method(method)
    _start_method = method


class SpawnProcess(BaseProcess):
    __module__ = _module("context")
    _start_method = "spawn"


class ForkProcess(BaseProcess):
    __module__ = _module("context")
    _start_method = "fork"


class _Context(object):
    # What get_context(method) returns: the module's names, with its own Process class.
    def __init__(self, method, process_class):
        self._name = method
        for name, value in _context_names.items():
            if not hasattr(type(self), name):
                setattr(self, name, value)
        self.Process = process_class

    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        return Pool(processes, initializer, initargs, maxtasksperchild, context=self)

    def get_start_method(self, allow_none=False):
        return self._name

    def get_context(self, method=None):
        return get_context(method or self._name)


def get_context(method=None):
    if method is None:
        import multiprocessing

        return multiprocessing
    _check_method(method)
    return _Context(method, SpawnProcess if method == "spawn" else ForkProcess)


def freeze_support():
    pass


# ---- synchronisation (synchronize.py), on SemLock ----

RECURSIVE_MUTEX = 0
SEMAPHORE = 1
_MUTEX = 2
SEM_VALUE_MAX = 2147483647


class SemLock(object):
    __module__ = _module("synchronize")
    # Pickling one outside a fork raises CPython's RuntimeError (context.assert_spawning).
    __gilsim_inherited__ = True

    def __init__(self, kind, value, maxvalue):
        self._semlock = _gilsim.semlock(kind, value, maxvalue)

    def acquire(self, block=True, timeout=None):
        return _gilsim.sem_acquire(self._semlock, block, timeout)

    def release(self):
        _gilsim.sem_release(self._semlock)

    def __enter__(self):
        return _gilsim.sem_acquire(self._semlock, True, None)

    def __exit__(self, *args):
        return _gilsim.sem_release(self._semlock)


class Semaphore(SemLock):
    __module__ = _module("synchronize")
    def __init__(self, value=1):
        SemLock.__init__(self, SEMAPHORE, value, SEM_VALUE_MAX)

    def get_value(self):
        return _gilsim.sem_value(self._semlock)

    def __repr__(self):
        return "<%s(value=%s)>" % (self.__class__.__name__, _gilsim.sem_value(self._semlock))


class BoundedSemaphore(Semaphore):
    __module__ = _module("synchronize")
    def __init__(self, value=1):
        SemLock.__init__(self, SEMAPHORE, value, value)
        self._maxvalue = value

    def __repr__(self):
        value = _gilsim.sem_value(self._semlock)
        return "<%s(value=%s, maxvalue=%s)>" % (self.__class__.__name__, value, self._maxvalue)


def _owner_name(semlock):
    if _gilsim.sem_is_mine(semlock):
        name = current_process().name
        if threading.current_thread().name != "MainThread":
            name += "|" + threading.current_thread().name
        return name
    if _gilsim.sem_value(semlock) == 1:
        return "None"
    return "SomeOtherProcess"


class Lock(SemLock):
    __module__ = _module("synchronize")
    def __init__(self):
        SemLock.__init__(self, _MUTEX, 1, 1)

    def __repr__(self):
        return "<%s(owner=%s)>" % (self.__class__.__name__, _owner_name(self._semlock))


class RLock(SemLock):
    __module__ = _module("synchronize")
    def __init__(self):
        SemLock.__init__(self, RECURSIVE_MUTEX, 1, 1)

    def __repr__(self):
        name = _owner_name(self._semlock)
        count = _gilsim.sem_count(self._semlock) if name != "None" else 0
        return "<%s(%s, %s)>" % (self.__class__.__name__, name, count)


class Condition(object):
    __module__ = _module("synchronize")
    def __init__(self, lock=None):
        self._lock = lock or RLock()
        self._sleeping_count = Semaphore(0)
        self._woken_count = Semaphore(0)
        self._wait_semaphore = Semaphore(0)
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        num_waiters = _gilsim.sem_value(self._sleeping_count._semlock) - _gilsim.sem_value(
            self._woken_count._semlock
        )
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._lock, num_waiters)

    def wait(self, timeout=None):
        assert _gilsim.sem_is_mine(self._lock._semlock), "must acquire() condition before using wait()"
        # indicate that this thread is going to sleep
        self._sleeping_count.release()
        # release lock
        count = _gilsim.sem_count(self._lock._semlock)
        for i in range(count):
            self._lock.release()
        try:
            # wait for notification or timeout
            return self._wait_semaphore.acquire(True, timeout)
        finally:
            # indicate that this thread has woken
            self._woken_count.release()
            # reacquire lock
            for i in range(count):
                self._lock.acquire()

    def notify(self, n=1):
        assert _gilsim.sem_is_mine(self._lock._semlock), "lock is not owned"
        assert not self._wait_semaphore.acquire(False)
        # to take account of timeouts since last notify*() we subtract woken_count from
        # sleeping_count and rezero woken_count
        while self._woken_count.acquire(False):
            res = self._sleeping_count.acquire(False)
            assert res, "notify: Bug in sleeping_count.acquire - res should not be False"
        sleepers = 0
        while sleepers < n and self._sleeping_count.acquire(False):
            self._wait_semaphore.release()  # wake up one sleeper
            sleepers += 1
        if sleepers:
            for i in range(sleepers):
                self._woken_count.acquire()  # wait for a sleeper to wake
            # rezero wait_semaphore in case some timeouts just happened
            while self._wait_semaphore.acquire(False):
                pass

    def notify_all(self):
        self.notify(n=sys.maxsize)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        if timeout is not None:
            endtime = time.monotonic() + timeout
        else:
            endtime = None
            waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class Event(object):
    __module__ = _module("synchronize")
    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = Semaphore(0)

    def is_set(self):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def set(self):
        with self._cond:
            self._flag.acquire(False)
            self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.acquire(False)

    def wait(self, timeout=None):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
            else:
                self._cond.wait(timeout)
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False


class Barrier(threading.Barrier):
    __module__ = _module("synchronize")
    # synchronize.Barrier: threading.Barrier's algorithm on a multiprocessing Condition, with
    # its state (`_state`, `_count`) in memory every process that inherits it shares.
    __gilsim_shared__ = True

    def __init__(self, parties, action=None, timeout=None):
        threading.Barrier.__init__(self, parties, action, timeout)
        self._cond = Condition(Lock())


# ---- queues (queues.py) and pipes (connection.py), on channels ----


class Queue(object):
    __module__ = _module("queues")
    # What a process puts waits in its own buffer until its feeder thread (CPython's daemon
    # `QueueFeederThread`, started by the first put) pickles it into the channel: right after
    # `put()` the queue may still look empty. The feeder is joined as the process exits.
    __gilsim_inherited__ = True

    def __init__(self, maxsize=0, *, ctx=None):
        if maxsize <= 0:
            maxsize = SEM_VALUE_MAX
        self._maxsize = maxsize
        self._pipe = _Pipe(False)
        self._rlock = Lock()
        self._wlock = Lock()
        self._sem = BoundedSemaphore(maxsize)
        self._closed = False
        self._reset()

    def _reset(self):
        # A forked child starts with a feeder of its own (CPython's `_after_fork`).
        self._feeder = _Feeder()

    # A spawned child gets the pipe and semaphores, and a feeder of its own.
    def __getstate__(self):
        state = dict(self.__dict__)
        del state["_feeder"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._reset()

    @staticmethod
    def _finalize_join(thread):
        # At the process's exit: the feeder has put what the buffer held into the pipe.
        thread.join()

    @staticmethod
    def _feed(buffer, notempty, pipe, sem, wlock):
        # The feeder thread: it pickles each item into the pipe under the queue's write lock,
        # and waits in the pipe's write() while the pipe is full.
        while True:
            with notempty:
                if not buffer:
                    notempty.wait()
            while buffer:
                obj = buffer.popleft()
                if obj is _FEEDER_SENTINEL:
                    return
                with wlock:
                    try:
                        pipe.send(obj)
                    except Exception as e:
                        # CPython pickles in the feeder thread: put() has returned, and an
                        # object that cannot be pickled is reported on stderr and dropped.
                        sys.stderr.write(_gilsim.format_exception(e) + "\n")
                        sem.release()

    def _check_closed(self):
        if self._closed:
            if _gilsim.version >= (3, 8):
                raise ValueError("Queue %r is closed" % self)
            raise AssertionError

    def put(self, obj, block=True, timeout=None):
        self._check_closed()
        if not self._sem.acquire(block, timeout):
            raise Full
        self._buffered(obj)

    def _buffered(self, obj):
        if self._feeder.owner != os.getpid():
            self._reset()
        self._feeder.put(obj, self)

    def get(self, block=True, timeout=None):
        self._check_closed()
        if not self._pipe.items.acquire(block, timeout):
            raise Empty
        res = _gilsim.channel_get(self._pipe.channel)
        self._sem.release()
        return res

    def qsize(self):
        return self._maxsize - _gilsim.sem_value(self._sem._semlock)

    def empty(self):
        return _gilsim.sem_value(self._pipe.items._semlock) == 0

    def full(self):
        return _gilsim.sem_value(self._sem._semlock) == 0

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        self._closed = True
        if self._feeder.started():
            self._feeder.stop()

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)
        if self._feeder.started():
            self._feeder.thread.join()

    def cancel_join_thread(self):
        if self._feeder in _feeders:
            _feeders.remove(self._feeder)


_FEEDER_SENTINEL = object()


class _Feeder(object):
    # One process's side of a Queue: the buffer its puts wait in and the daemon
    # `QueueFeederThread`, started by the first put, that pickles them into the channel.
    def __init__(self):
        self.owner = os.getpid()
        self.notempty = threading.Condition(threading.Lock())
        self.buffer = _deque()
        self.thread = None

    def started(self):
        # Whether this process started the feeder (a forked child has not, until it puts).
        return self.thread is not None and self.owner == os.getpid()

    def put(self, obj, queue):
        with self.notempty:
            if self.thread is None:
                self.thread = threading.Thread(
                    target=Queue._feed,
                    args=(self.buffer, self.notempty, queue._pipe, queue._sem, queue._wlock),
                    name="QueueFeederThread",
                )
                self.thread.daemon = True
                self.thread.start()
                _feeders.append(self)
            self.buffer.append(obj)
            self.notempty.notify()

    def stop(self):
        with self.notempty:
            self.buffer.append(_FEEDER_SENTINEL)
            self.notempty.notify()


# The started feeders of this process's queues: as the process exits each is sent the sentinel
# (CPython's `Queue._finalize_close`, an exit finalizer of priority 10) and, once the children
# are joined, joined (`Queue._finalize_join`, priority -5).
_feeders = []


class JoinableQueue(Queue):
    __module__ = _module("queues")
    def __init__(self, maxsize=0, *, ctx=None):
        Queue.__init__(self, maxsize)
        self._unfinished_tasks = Semaphore(0)
        self._cond = Condition()

    def put(self, obj, block=True, timeout=None):
        self._check_closed()
        if not self._sem.acquire(block, timeout):
            raise Full
        with self._cond:
            self._unfinished_tasks.release()
            self._buffered(obj)

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError("task_done() called too many times")
            if _gilsim.sem_value(self._unfinished_tasks._semlock) == 0:
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if _gilsim.sem_value(self._unfinished_tasks._semlock) != 0:
                self._cond.wait()


class SimpleQueue(object):
    __module__ = _module("queues")
    __gilsim_inherited__ = True

    def __init__(self, *, ctx=None):
        self._pipe = _Pipe(False)
        self._wlock = Lock()
        self._closed = False

    def empty(self):
        return _gilsim.sem_value(self._pipe.items._semlock) == 0

    def get(self):
        self._pipe.items.acquire()
        return _gilsim.channel_get(self._pipe.channel)

    def put(self, obj):
        with self._wlock:
            self._pipe.send(obj)

    def close(self):
        self._closed = True


class _Pipe(object):
    # One direction of a pipe (a socket pair's when duplex): values and how many wait.
    # Hangs name the call that waits in it (Queue._feed, Connection.send): see
    # `Machine::blocking_call`.
    def __init__(self, duplex):
        self.channel = _gilsim.channel(duplex)
        self.items = Semaphore(0)

    def send(self, obj):
        self._written(_gilsim.channel_put(self.channel, obj))

    def send_bytes(self, data):
        self._written(_gilsim.channel_put_bytes(self.channel, data))

    def _written(self, number):
        # The reader may take message `number`; its writer stays in write() until the pipe
        # holds all of it.
        self.items.release()
        while _gilsim.channel_wait_room(self.channel, number):
            pass


class Connection(object):
    __module__ = _module("connection", "_multiprocessing")
    def __init__(self, reader, writer):
        self._reader = reader
        self._writer = writer
        self._closed = False

    def _check_closed(self):
        if self._closed:
            raise OSError("handle is closed")

    def _check_readable(self):
        if self._reader is None:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if self._writer is None:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return self._reader is not None

    @property
    def writable(self):
        return self._writer is not None

    def send(self, obj):
        self._check_closed()
        self._check_writable()
        self._writer.send(obj)

    def send_bytes(self, buf, offset=0, size=None):
        self._check_closed()
        self._check_writable()
        m = memoryview(buf)
        n = m.nbytes
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        self._writer.send_bytes(m[offset:offset + size].tobytes())

    def recv(self):
        self._check_closed()
        self._check_readable()
        raw, value = self._next_message()
        if raw:
            # CPython's recv() unpickles whatever bytes arrive.
            import pickle
            return pickle.loads(value)
        return value

    def _next_message(self):
        # (raw, value) of the next message, once one has arrived.
        self._reader.items.acquire()
        return _gilsim.channel_message(self._reader.channel)

    def _message_bytes(self):
        # The next message as the bytes on CPython's pipe: an object sent by send() is its
        # pickle (protocol: the default, as ForkingPickler's).
        raw, value = self._next_message()
        if raw:
            return value
        import pickle
        return pickle.dumps(value)

    def recv_bytes(self, maxlength=None):
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        data = self._message_bytes()
        if maxlength is not None and len(data) > maxlength:
            # CPython's _bad_message_length: a duplex end stops reading, a read-only one closes.
            if self._writer is not None:
                self._reader = None
            else:
                self.close()
            raise OSError("bad message length")
        return data

    def recv_bytes_into(self, buf, offset=0):
        self._check_closed()
        self._check_readable()
        m = memoryview(buf)
        bytesize = m.nbytes
        if offset < 0:
            raise ValueError("negative offset")
        elif offset > bytesize:
            raise ValueError("offset too large")
        data = self._message_bytes()
        size = len(data)
        if bytesize < offset + size:
            raise BufferTooShort(data)
        m[offset:offset + size] = data
        return size

    def poll(self, timeout=0.0):
        self._check_closed()
        self._check_readable()
        if timeout == 0.0:
            ready = self._reader.items.acquire(False)
        else:
            ready = self._reader.items.acquire(True, timeout)
        if ready:
            self._reader.items.release()
        return ready

    def close(self):
        self._closed = True

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def Pipe(duplex=True):
    if duplex:
        a, b = _Pipe(True), _Pipe(True)
        return Connection(a, b), Connection(b, a)
    one = _Pipe(False)
    return Connection(one, None), Connection(None, one)


# ---- shared memory (sharedctypes.py) ----

_typecode_to_type = {
    "c": "c_char", "u": "c_wchar", "b": "c_byte", "B": "c_ubyte", "h": "c_short", "H": "c_ushort",
    "i": "c_int", "I": "c_uint", "l": "c_long", "L": "c_ulong", "q": "c_longlong", "Q": "c_ulonglong",
    "f": "c_float", "d": "c_double",
}


def _converted(typecode, value):
    if typecode in ("f", "d"):
        return float(value)
    if typecode == "c":
        # A c_char is one byte, kept as a bytes object of length 1.
        if isinstance(value, int):
            return bytes([value])
        if isinstance(value, (bytes, bytearray)) and len(value) == 1:
            return bytes(value)
        raise TypeError("one character bytes, bytearray or integer expected")
    return value


class _SynchronizedBase(object):
    __module__ = _module("sharedctypes")
    # Shared by every process that inherits it (a fork does not copy it), with the lock it
    # was made with (an RLock, or the one passed as `lock`).
    __gilsim_shared__ = True

    def __init__(self, typecode, lock):
        self._typecode = typecode
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release

    def get_lock(self):
        return self._lock

    def get_obj(self):
        return self

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)


class Synchronized(_SynchronizedBase):
    __module__ = _module("sharedctypes")
    # `value` is one location for every process, read and written under the wrapper's lock,
    # as sharedctypes' generated `getvalue`/`setvalue`: `v.value += 1` is two locked steps,
    # and another process's write between them is lost.
    def __init__(self, typecode, value, lock):
        _SynchronizedBase.__init__(self, typecode, lock)
        self._value = _converted(typecode, value)

    @property
    def value(self):
        self.acquire()
        try:
            value = self._value
            _gilsim.script_access(self, "value", value, False)
            return value
        finally:
            self.release()

    @value.setter
    def value(self, value):
        self.acquire()
        try:
            self._value = value = _converted(self._typecode, value)
            _gilsim.script_access(self, "value", value, True)
        finally:
            self.release()

    def __repr__(self):
        ctype = _typecode_to_type.get(self._typecode, self._typecode)
        return "<Synchronized wrapper for %s(%r)>" % (ctype, self._value)


class _Items(object):
    # The sequence of a shared array, its items in `_items`: a char array's slices are bytes.
    def __len__(self):
        return len(self._items)

    def __getitem__(self, i):
        if self._typecode == "c" and isinstance(i, slice):
            return b"".join(self._items[i])
        return self._items[i]

    def __setitem__(self, i, value):
        self._items[i] = _converted(self._typecode, value)

    def __iter__(self):
        return iter(self._items)


class SynchronizedArray(_Items, _SynchronizedBase):
    __module__ = _module("sharedctypes")
    def __init__(self, typecode, items, lock):
        _SynchronizedBase.__init__(self, typecode, lock)
        self._items = items
        self._obj = _c_array(typecode, items)

    def get_obj(self):
        return self._obj

    # An item is read and written under the wrapper's lock, as sharedctypes' are.
    def __getitem__(self, i):
        with self:
            return _Items.__getitem__(self, i)

    def __setitem__(self, i, value):
        with self:
            _Items.__setitem__(self, i, value)

    def __repr__(self):
        return "<%s wrapper for %s>" % (type(self).__name__, object.__repr__(self._obj))


class SynchronizedString(SynchronizedArray):
    __module__ = _module("sharedctypes")
    # An Array of typecode "c": its bytes as `value` (up to the first NUL) and `raw`.
    @property
    def value(self):
        return self._obj.value

    @value.setter
    def value(self, data):
        self._obj.value = data

    @property
    def raw(self):
        return self._obj.raw

    @raw.setter
    def raw(self, data):
        self._obj.raw = data


class _CArray(_Items):
    # What `RawArray` (and `Array(..., lock=False)`) returns: a ctypes array, named as
    # ctypes names it (`c_int_Array_3`), over the same items a synchronized wrapper uses.
    __gilsim_shared__ = True

    def __init__(self, typecode, items):
        self._typecode = typecode
        self._items = items

    @property
    def value(self):
        if self._typecode != "c":
            raise AttributeError("'%s' object has no attribute 'value'" % type(self).__name__)
        return b"".join(self._items).split(b"\0", 1)[0]

    @value.setter
    def value(self, data):
        self._write(data)
        if len(data) < len(self._items):
            self._items[len(data)] = b"\0"

    @property
    def raw(self):
        if self._typecode != "c":
            raise AttributeError("'%s' object has no attribute 'raw'" % type(self).__name__)
        return b"".join(self._items)

    @raw.setter
    def raw(self, data):
        self._write(data)

    def _write(self, data):
        if not isinstance(data, bytes):
            raise TypeError("bytes expected instead of %s instance" % type(data).__name__)
        if len(data) > len(self._items):
            raise ValueError("byte string too long")
        for i in range(len(data)):
            self._items[i] = data[i:i + 1]


_c_array_types = {}


def _c_array(typecode, items):
    name = "%s_Array_%d" % (_typecode_to_type.get(typecode, typecode), len(items))
    cls = _c_array_types.get(name)
    if cls is None:
        cls = _c_array_types[name] = type(name, (_CArray,), {"__module__": "multiprocessing.sharedctypes"})
    return cls(typecode, items)


class _CValue(object):
    # What `RawValue` (and `Value(..., lock=False)`) returns: a ctypes scalar (`c_int(3)`).
    __gilsim_shared__ = True

    def __init__(self, typecode, value):
        self._typecode = typecode
        self.value = _converted(typecode, value)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.value)


_c_value_types = {}


def _c_value(typecode, value):
    name = _typecode_to_type.get(typecode, typecode)
    cls = _c_value_types.get(name)
    if cls is None:
        cls = _c_value_types[name] = type(name, (_CValue,), {"__module__": "ctypes"})
    return cls(typecode, value)


def _lock_for(lock):
    if lock is True or lock is None:
        return RLock()
    return lock


def Value(typecode_or_type, *args, lock=True):
    value = args[0] if args else 0
    if lock is False:
        return _c_value(typecode_or_type, value)
    return Synchronized(typecode_or_type, value, _lock_for(lock))


def RawValue(typecode_or_type, *args):
    return Value(typecode_or_type, *args, lock=False)


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    if typecode_or_type == "c":
        zero = b"\0"
        initial = [bytes([b]) for b in size_or_initializer] if isinstance(size_or_initializer, bytes) else None
    else:
        zero = _converted(typecode_or_type, 0)
        initial = None
    if isinstance(size_or_initializer, int):
        items = [zero] * size_or_initializer
    elif initial is not None:
        items = initial
    else:
        items = [_converted(typecode_or_type, v) for v in size_or_initializer]
    if lock is False:
        return _c_array(typecode_or_type, items)
    wrapper = SynchronizedString if typecode_or_type == "c" else SynchronizedArray
    return wrapper(typecode_or_type, items, _lock_for(lock))


def RawArray(typecode_or_type, size_or_initializer):
    return Array(typecode_or_type, size_or_initializer, lock=False)


# Pools and managers are modules of their own (multiprocessing/pool.py, managers.py), loaded
# when first used.
def Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
    from multiprocessing.pool import Pool

    return Pool(processes, initializer, initargs, maxtasksperchild, context)


def Manager():
    from multiprocessing.managers import SyncManager

    m = SyncManager()
    m.start()
    return m


# What a context object offers besides its Process class.
_context_names = {
    "Queue": Queue, "JoinableQueue": JoinableQueue, "SimpleQueue": SimpleQueue, "Pipe": Pipe,
    "Lock": Lock, "RLock": RLock, "Semaphore": Semaphore, "BoundedSemaphore": BoundedSemaphore,
    "Condition": Condition, "Event": Event, "Barrier": Barrier, "Value": Value, "Array": Array,
    "RawValue": RawValue,
    "RawArray": RawArray, "Pool": Pool, "current_process": current_process,
    "active_children": active_children, "cpu_count": cpu_count, "ProcessError": ProcessError,
    "TimeoutError": TimeoutError, "BufferTooShort": BufferTooShort,
    "AuthenticationError": AuthenticationError, "set_start_method": set_start_method,
    "Manager": Manager,
}
if _gilsim.version >= (3, 8):
    _context_names["parent_process"] = parent_process
