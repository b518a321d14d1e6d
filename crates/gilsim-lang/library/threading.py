# gilsim's library part of `threading`: the primitives CPython writes in Python on top of
# Lock (python-semantics.md §4.3-§4.7). `Thread`, `Lock`, `RLock` and the module functions are
# natives; the names defined here are merged into the same module on first use.
#
# The algorithms are the documented ones of CPython 3.11's threading.py, so wake-up order
# (FIFO selection by notify), barging (a newcomer may take a semaphore permit before a notified
# waiter re-acquires the lock) and the switch points inside each call are CPython's.
# Frames of this file are left out of tracebacks; blocked threads are reported at the line of
# the script that called into it.

from threading import Lock, RLock, Thread
from time import monotonic as _time
import _gilsim


class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._native = _gilsim.is_native_lock(lock)
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    # CPython's takes `*args` and spreads them; a `with` always passes three, and passing
    # them on as they are saves building and spreading a tuple on every queue operation
    # (bench/cases/queue_producer_consumer.py: 4 % of the machine instructions).
    def __exit__(self, exc_type, exc, tb):
        return self._lock.__exit__(exc_type, exc, tb)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        if self._native:
            return _gilsim.release_save(self._lock)
        self._lock.release()

    def _acquire_restore(self, saved):
        if self._native:
            _gilsim.acquire_restore(self._lock, saved)
        else:
            self._lock.acquire()

    def _is_owned(self):
        if self._native:
            return _gilsim.is_owned(self._lock)
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        # Each waiter blocks on a lock of its own, queued in arrival order; notify() releases
        # the oldest ones.
        waiter = _gilsim.waiter_lock(self)
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        notified = False
        try:
            if timeout is None:
                waiter.acquire()
                notified = True
            elif timeout > 0:
                notified = waiter.acquire(True, timeout)
            else:
                notified = waiter.acquire(False)
            return notified
        finally:
            self._acquire_restore(saved)
            if not notified:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        deadline = None
        remaining = timeout
        result = predicate()
        while not result:
            if remaining is not None:
                if deadline is None:
                    deadline = _time() + remaining
                else:
                    remaining = deadline - _time()
                    if remaining <= 0:
                        break
            self.wait(remaining)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                pass
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        _gilsim.warn_deprecated("notifyAll() is deprecated, use notify_all() instead")
        self.notify_all()


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: value={self._value}>"

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        acquired = False
        deadline = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if deadline is None:
                        deadline = _time() + timeout
                    else:
                        timeout = deadline - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                acquired = True
        return acquired

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            self._value += n
            for _ in range(n):
                self._cond.notify()

    if _gilsim.version < (3, 9):
        # release(n) is 3.9's.
        def release(self):
            with self._cond:
                self._value += 1
                self._cond.notify()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            for _ in range(n):
                self._cond.notify()

    if _gilsim.version < (3, 9):
        def release(self):
            with self._cond:
                if self._value >= self._initial_value:
                    raise ValueError("Semaphore released too many times")
                self._value += 1
                self._cond.notify()


class Event:
    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = "set" if self._flag else "unset"
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"

    def is_set(self):
        return self._flag

    def isSet(self):
        _gilsim.warn_deprecated("isSet() is deprecated, use is_set() instead")
        return self.is_set()

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


def _join_and_stop(self, timeout=None):
    # `Thread.join()` of a thread with its own `_stop` under 3.6-3.12: once the thread has
    # finished, CPython's `_wait_for_tstate_lock()` calls `self._stop()` (library_sites
    # shows CPython's frames for these lines).
    _gilsim.join(self, timeout)
    if _gilsim.is_alive(self):
        return
    if timeout is None:
        self._stop()
    else:
        self._stop()  # after a timed join


def _is_alive_and_stop(self):
    # `Thread.is_alive()` of such a thread: `self._stop()` once it has finished, and only
    # CPython's own `_stop` marks it stopped.
    if self.ident is None or _gilsim.is_alive(self):
        return self.ident is not None
    self._stop()
    return True


class Timer(Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


def _run_target(target, args, kwargs):
    # Thread.run's call of its target when Python code calls run() (super().run()): a
    # traceback shows this frame as threading.py's run.
    target(*args, **kwargs)


ThreadError = RuntimeError


class BrokenBarrierError(RuntimeError):
    pass


# Barrier states.
_FILLING = 0
_DRAINING = 1
_RESETTING = -1
_BROKEN = -2


class Barrier:
    def __init__(self, parties, action=None, timeout=None):
        if _gilsim.version >= (3, 13) and parties < 1:
            raise ValueError("parties must be > 0")
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        while self._state in (_DRAINING, _RESETTING):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == _FILLING

    def _release(self):
        # The last thread to arrive runs the action, then lets everybody through.
        try:
            if self._action:
                self._action()
            self._state = _DRAINING
            self._cond.notify_all()
        except BaseException:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != _FILLING, timeout):
            self._break()
            raise BrokenBarrierError  # timed out
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == _DRAINING

    def _exit(self):
        if self._count == 0:
            if self._state in (_RESETTING, _DRAINING):
                self._state = _FILLING
                self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == _FILLING:
                    self._state = _RESETTING
                elif self._state == _BROKEN:
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = _BROKEN
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == _BROKEN


if _gilsim.version >= (3, 8):
    class ExceptHookArgs(object):
        # CPython's `_thread._ExceptHookArgs` structseq: made from a 4-item sequence.
        def __init__(self, args):
            self.exc_type, self.exc_value, self.exc_traceback, self.thread = args

        def __repr__(self):
            return ("_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, thread=%r)"
                    % (self.exc_type, self.exc_value, self.exc_traceback, self.thread))

    def excepthook(args):
        # The default hook: CPython's report of an exception that escaped Thread.run().
        # gilsim reports without calling it unless a script replaced it (crates/gilsim-vm).
        if args.exc_type is SystemExit:
            return
        import sys
        if args.thread is not None:
            name = args.thread.name
        else:
            from threading import get_ident
            name = get_ident()
        print("Exception in thread %s:" % name, file=sys.stderr)
        print(_gilsim.format_exception(args.exc_value), file=sys.stderr)

    if _gilsim.version >= (3, 10):
        __excepthook__ = excepthook

if _gilsim.version < (3, 11):
    # The reprs with the state came with 3.11; before, they are object's.
    del Semaphore.__repr__, BoundedSemaphore.__repr__, Event.__repr__, Barrier.__repr__
