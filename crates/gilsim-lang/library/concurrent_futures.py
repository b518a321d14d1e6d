# gilsim's `concurrent.futures`: Future, ThreadPoolExecutor, wait and as_completed, following
# the algorithms of CPython's concurrent/futures/_base.py and thread.py (3.11, with the 3.6-3.13
# differences noted): a Future is a state guarded by a Condition; waiters installed on
# futures collect them as they finish; a pool starts a worker per submit until max_workers
# (3.8+: unless a worker is idle) and its workers take work items from one SimpleQueue (3.6:
# a Queue). At
# interpreter exit the workers are given a None each and joined (3.9+ from
# threading._register_atexit, before non-daemon threads are joined; 3.6-3.8 as daemon
# threads from atexit). Generators are not simulated, so map() and as_completed() return
# iterator objects that do what CPython's generators do on each next().

import atexit
import os
import queue
import threading
import time
import _gilsim

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"
_AS_COMPLETED = "_AS_COMPLETED"

PENDING = "PENDING"
RUNNING = "RUNNING"
CANCELLED = "CANCELLED"
CANCELLED_AND_NOTIFIED = "CANCELLED_AND_NOTIFIED"
FINISHED = "FINISHED"

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}

_DONE_STATES = (CANCELLED_AND_NOTIFIED, FINISHED)


class Error(Exception):
    __module__ = "concurrent.futures._base"


class CancelledError(Error):
    __module__ = "concurrent.futures._base"


if _gilsim.version >= (3, 11):
    TimeoutError = TimeoutError
else:

    class TimeoutError(Error):
        __module__ = "concurrent.futures._base"


class InvalidStateError(Error):
    __module__ = "concurrent.futures._base"


class BrokenExecutor(RuntimeError):
    __module__ = "concurrent.futures._base"


class BrokenThreadPool(BrokenExecutor):
    __module__ = "concurrent.futures.thread"


class _Waiter:
    def __init__(self):
        self.event = threading.Event()
        self.finished_futures = []

    def add_result(self, future):
        self.finished_futures.append(future)

    def add_exception(self, future):
        self.finished_futures.append(future)

    def add_cancelled(self, future):
        self.finished_futures.append(future)


class _AsCompletedWaiter(_Waiter):
    def __init__(self):
        super().__init__()
        self.lock = threading.Lock()

    def add_result(self, future):
        with self.lock:
            super().add_result(future)
            self.event.set()

    def add_exception(self, future):
        with self.lock:
            super().add_exception(future)
            self.event.set()

    def add_cancelled(self, future):
        with self.lock:
            super().add_cancelled(future)
            self.event.set()


class _FirstCompletedWaiter(_Waiter):
    def add_result(self, future):
        super().add_result(future)
        self.event.set()

    def add_exception(self, future):
        super().add_exception(future)
        self.event.set()

    def add_cancelled(self, future):
        super().add_cancelled(future)
        self.event.set()


class _AllCompletedWaiter(_Waiter):
    def __init__(self, num_pending_calls, stop_on_exception):
        self.num_pending_calls = num_pending_calls
        self.stop_on_exception = stop_on_exception
        self.lock = threading.Lock()
        super().__init__()

    def _decrement_pending_calls(self):
        with self.lock:
            self.num_pending_calls -= 1
            if not self.num_pending_calls:
                self.event.set()

    def add_result(self, future):
        super().add_result(future)
        self._decrement_pending_calls()

    def add_exception(self, future):
        super().add_exception(future)
        if self.stop_on_exception:
            self.event.set()
        else:
            self._decrement_pending_calls()

    def add_cancelled(self, future):
        super().add_cancelled(future)
        self._decrement_pending_calls()


class _AcquireFutures:
    # Every future's condition, in a fixed order (CPython sorts by id()).
    def __init__(self, futures):
        self.futures = sorted(futures, key=id)

    def __enter__(self):
        for future in self.futures:
            future._condition.acquire()

    def __exit__(self, *args):
        for future in self.futures:
            future._condition.release()


def _create_and_install_waiters(fs, return_when):
    if return_when == _AS_COMPLETED:
        waiter = _AsCompletedWaiter()
    elif return_when == FIRST_COMPLETED:
        waiter = _FirstCompletedWaiter()
    else:
        pending_count = 0
        for f in fs:
            if f._state not in _DONE_STATES:
                pending_count += 1
        if return_when == FIRST_EXCEPTION:
            waiter = _AllCompletedWaiter(pending_count, True)
        elif return_when == ALL_COMPLETED:
            waiter = _AllCompletedWaiter(pending_count, False)
        else:
            raise ValueError("Invalid return condition: %r" % return_when)
    for f in fs:
        f._waiters.append(waiter)
    return waiter


class _AsCompletedIterator:
    # CPython's as_completed() generator: nothing happens until the first next(); then the
    # futures already done are yielded (popped from the end of a list made from a set), then
    # each batch the waiter collected, in the order they finished.
    def __init__(self, fs, timeout):
        self._end_time = None if timeout is None else timeout + time.monotonic()
        self._fs = set(fs)
        self._total = len(self._fs)
        self._started = False
        self._ready = []
        self._pending = None
        self._waiter = None

    def __iter__(self):
        return self

    def _start(self):
        self._started = True
        with _AcquireFutures(self._fs):
            finished = set()
            for f in self._fs:
                if f._state in _DONE_STATES:
                    finished.add(f)
            self._pending = self._fs - finished
            self._waiter = _create_and_install_waiters(self._fs, _AS_COMPLETED)
        self._ready = list(finished)

    def _uninstall(self):
        for f in self._fs:
            with f._condition:
                if self._waiter in f._waiters:
                    f._waiters.remove(self._waiter)

    def __next__(self):
        if not self._started:
            self._start()
        while not self._ready:
            if not self._pending:
                self._uninstall()
                raise StopIteration
            if self._end_time is None:
                wait_timeout = None
            else:
                wait_timeout = self._end_time - time.monotonic()
                if wait_timeout < 0:
                    self._uninstall()
                    raise TimeoutError("%d (of %d) futures unfinished" % (len(self._pending), self._total))
            self._waiter.event.wait(wait_timeout)
            with self._waiter.lock:
                finished = self._waiter.finished_futures
                self._waiter.finished_futures = []
                self._waiter.event.clear()
            finished.reverse()
            self._ready = finished
        f = self._ready.pop()
        if f in self._pending:
            self._pending.remove(f)
        with f._condition:
            if self._waiter in f._waiters:
                f._waiters.remove(self._waiter)
        return f


def as_completed(fs, timeout=None):
    return _AsCompletedIterator(fs, timeout)


class DoneAndNotDoneFutures:
    # CPython's is a namedtuple('DoneAndNotDoneFutures', 'done not_done').
    __module__ = "concurrent.futures._base"

    def __init__(self, done, not_done):
        self.done = done
        self.not_done = not_done

    def __iter__(self):
        return iter((self.done, self.not_done))

    def __getitem__(self, index):
        return (self.done, self.not_done)[index]

    def __len__(self):
        return 2

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return "DoneAndNotDoneFutures(done=%r, not_done=%r)" % (self.done, self.not_done)


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    with _AcquireFutures(fs):
        done = set()
        for f in fs:
            if f._state in _DONE_STATES:
                done.add(f)
        not_done = fs - done
        if return_when == FIRST_COMPLETED and done:
            return DoneAndNotDoneFutures(done, not_done)
        elif return_when == FIRST_EXCEPTION and done:
            for f in done:
                if not f.cancelled() and f.exception() is not None:
                    return DoneAndNotDoneFutures(done, not_done)
        if len(done) == len(fs):
            return DoneAndNotDoneFutures(done, not_done)
        waiter = _create_and_install_waiters(fs, return_when)
    waiter.event.wait(timeout)
    for f in fs:
        with f._condition:
            f._waiters.remove(waiter)
    done.update(waiter.finished_futures)
    return DoneAndNotDoneFutures(done, fs - done)


class Future:
    __module__ = "concurrent.futures._base"

    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as exc:
                # CPython logs it (LOGGER.exception) through logging's last-resort handler.
                _report_callback_error(self, exc)

    def __repr__(self):
        with self._condition:
            name = type(self).__name__
            state = _STATE_TO_DESCRIPTION_MAP[self._state]
            if self._state == FINISHED:
                if self._exception:
                    return "<%s at %#x state=%s raised %s>" % (
                        name,
                        id(self),
                        state,
                        type(self._exception).__name__,
                    )
                return "<%s at %#x state=%s returned %s>" % (name, id(self), state, type(self._result).__name__)
            return "<%s at %#x state=%s>" % (name, id(self), state)

    def cancel(self):
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in _DONE_STATES or self._state == CANCELLED:
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED)

    def running(self):
        with self._condition:
            return self._state == RUNNING

    def done(self):
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)

    def _get_result(self):
        if self._exception:
            raise self._exception
        return self._result

    # The same after a wait: a traceback through it shows CPython's second call site
    # (gilsim_vm::library_sites).
    _waited_result = _get_result

    def add_done_callback(self, fn):
        with self._condition:
            if self._state not in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                self._done_callbacks.append(fn)
                return
        if _gilsim.version < (3, 7):
            # 3.6 calls it unguarded: its error is the caller's.
            fn(self)
            return
        try:
            fn(self)
        except Exception as exc:
            _report_callback_error(self, exc)

    def result(self, timeout=None):
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            elif self._state == FINISHED:
                return self._get_result()
            self._condition.wait(timeout)
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            elif self._state == FINISHED:
                return self._waited_result()
            else:
                raise TimeoutError()

    def exception(self, timeout=None):
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            elif self._state == FINISHED:
                return self._exception
            self._condition.wait(timeout)
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            elif self._state == FINISHED:
                return self._exception
            else:
                raise TimeoutError()

    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                return False
            elif self._state == PENDING:
                self._state = RUNNING
                return True
            else:
                raise RuntimeError("Future in unexpected state")

    def set_result(self, result):
        with self._condition:
            if _gilsim.version >= (3, 8) and self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                raise InvalidStateError("{}: {!r}".format(self._state, self))
            self._result = result
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_result(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        with self._condition:
            if _gilsim.version >= (3, 8) and self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                raise InvalidStateError("{}: {!r}".format(self._state, self))
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()


def _report_callback_error(future, exc):
    # CPython's LOGGER.exception on the "concurrent.futures" logger: through the script's
    # logging configuration when it imported logging, else logging's last resort (the
    # message and the traceback on stderr).
    import sys

    logging = sys.modules.get("logging")
    if logging is not None:
        logging.getLogger("concurrent.futures").exception("exception calling callback for %r", future)
        return
    sys.stderr.write("exception calling callback for %r\n" % (future,))
    sys.stderr.write(_gilsim.format_exception(exc) + "\n")


class _ResultIterator:
    # CPython's map() generator: the results in submission order, each waited for in turn
    # (with what is left of the timeout).
    def __init__(self, fs, end_time):
        fs.reverse()
        self._fs = fs
        self._end_time = end_time

    def __iter__(self):
        return self

    def __next__(self):
        if not self._fs:
            raise StopIteration
        future = self._fs.pop()
        try:
            if self._end_time is None:
                return future.result()
            return future.result(self._end_time - time.monotonic())
        except BaseException:
            for rest in self._fs:
                rest.cancel()
            self._fs = []
            raise


class Executor:
    __module__ = "concurrent.futures._base"

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        end_time = None if timeout is None else timeout + time.monotonic()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]
        return _ResultIterator(fs, end_time)

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    if _gilsim.version < (3, 9):
        # cancel_futures is 3.9's.
        def shutdown(self, wait=True):
            pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


# concurrent/futures/thread.py

_threads_queues = {}
_shutdown = False
_global_shutdown_lock = threading.Lock()


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


if _gilsim.version >= (3, 9):
    threading._register_atexit(_python_exit)
else:
    atexit.register(_python_exit)


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException as exc:
            import sys

            # CPython logs it: LOGGER.critical('Exception in initializer:', exc_info=True).
            sys.stderr.write("Exception in initializer:\n%s\n" % _gilsim.format_exception(exc))
            executor._initializer_failed()
            return
    while True:
        work_item = work_queue.get(True)
        if work_item is not None:
            work_item.run()
            del work_item
            if _gilsim.version >= (3, 8):
                executor._idle_semaphore.release()
            continue
        if _shutdown or executor._shutdown:
            executor._shutdown = True
            work_queue.put(None)
            return


class ThreadPoolExecutor(Executor):
    __module__ = "concurrent.futures.thread"

    _next_number = 0

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is None:
            if _gilsim.version >= (3, 8):
                max_workers = min(32, (os.cpu_count() or 1) + 4)
            else:
                max_workers = (os.cpu_count() or 1) * 5
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        # 3.6's pool used a Queue (SimpleQueue is 3.7's).
        self._work_queue = queue.SimpleQueue() if _gilsim.version >= (3, 7) else queue.Queue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        if not thread_name_prefix:
            thread_name_prefix = "ThreadPoolExecutor-%d" % ThreadPoolExecutor._next_number
            ThreadPoolExecutor._next_number += 1
        self._thread_name_prefix = thread_name_prefix
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            with _global_shutdown_lock:
                if self._broken:
                    raise BrokenThreadPool(self._broken)
                if self._shutdown:
                    raise RuntimeError("cannot schedule new futures after shutdown")
                if _shutdown:
                    raise RuntimeError("cannot schedule new futures after interpreter shutdown")
                f = Future()
                w = _WorkItem(f, fn, args, kwargs)
                self._work_queue.put(w)
                self._adjust_thread_count()
                return f

    def _adjust_thread_count(self):
        if _gilsim.version >= (3, 8) and self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = "%s_%d" % (self._thread_name_prefix, num_threads)
            t = threading.Thread(
                name=thread_name,
                target=_worker,
                args=(self, self._work_queue, self._initializer, self._initargs),
            )
            if _gilsim.version < (3, 9):
                t.daemon = True
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = "A thread initializer failed, the thread pool is not usable anymore"
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()

    if _gilsim.version < (3, 9):
        # cancel_futures is 3.9's.
        _shutdown_with_cancel = shutdown

        def shutdown(self, wait=True):
            return self._shutdown_with_cancel(wait)


# concurrent/futures/process.py, in outline: worker processes (of the fork context, so named
# ForkProcess-N) take (work id, fn, args, kwargs) from one multiprocessing SimpleQueue and put
# (work id, result, exception) on another; a thread of the executor's process hands results
# to the futures. All workers start at the first submit, as CPython's do under fork. What
# cannot be pickled fails its future. At exit, executors not shut down are (before the
# `multiprocessing` exit handler joins their workers).


class BrokenProcessPool(BrokenExecutor):
    __module__ = "concurrent.futures.process"


class _RemoteTraceback(Exception):
    __module__ = "concurrent.futures.process"

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class _ExceptionWithTraceback:
    # A worker's exception travels with its traceback formatted in the worker, which
    # becomes the exception's __cause__ in the executor's process.
    def __init__(self, exc, tb):
        import traceback

        tb = "".join(traceback.format_exception(type(exc), exc, tb))
        self.exc = exc
        self.tb = '\n"""\n%s"""' % tb

    def __reduce__(self):
        return _rebuild_exc, (self.exc, self.tb)


def _rebuild_exc(exc, tb):
    exc.__cause__ = _RemoteTraceback(tb)
    return exc


def _process_worker(call_queue, result_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            return
    while True:
        call_item = call_queue.get()
        if call_item is None:
            return
        work_id, fn, args, kwargs = call_item
        try:
            r = fn(*args, **kwargs)
        except BaseException as e:
            result_queue.put((work_id, None, _ExceptionWithTraceback(e, e.__traceback__)))
        else:
            result_queue.put((work_id, r, None))


# ProcessPoolExecutor.map sends its items in chunks, each one call of _process_chunk.
def _get_chunks(*iterables, chunksize):
    import itertools

    it = zip(*iterables)
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            return
        yield chunk


def _process_chunk(fn, chunk):
    return [fn(*args) for args in chunk]


def _chain_from_iterable_of_lists(iterable):
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


def _manage_results(result_queue, pending):
    while True:
        item = result_queue.get()
        if item is None:
            return
        work_id, result, exc = item
        f = pending.pop(work_id, None)
        if f is None:
            continue
        if exc is not None:
            f.set_exception(exc)
        else:
            f.set_result(result)


_process_executors = []
_process_exit_registered = False


def _python_exit_processes():
    for executor in list(_process_executors):
        executor.shutdown(wait=True)


class ProcessPoolExecutor(Executor):
    __module__ = "concurrent.futures.process"

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), **kwargs):
        import multiprocessing
        # CPython's process.py imports functools with itself: the workers, forked later, can
        # unpickle map()'s functools.partial.
        import functools

        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._mp_context = mp_context or multiprocessing.get_context("fork")
        self._max_workers = max_workers
        self._initializer = initializer
        self._initargs = initargs
        self._call_queue = self._mp_context.SimpleQueue()
        self._result_queue = self._mp_context.SimpleQueue()
        self._pending = {}
        self._next_work_id = 0
        self._processes = []
        self._manager = None
        self._shutdown_thread = False
        self._shutdown_lock = threading.Lock()

    def _start(self):
        global _process_exit_registered
        for _ in range(self._max_workers):
            args = (self._call_queue, self._result_queue, self._initializer, self._initargs)
            p = self._mp_context.Process(target=_process_worker, args=args)
            p.start()
            self._processes.append(p)
        self._manager = threading.Thread(target=_manage_results, args=(self._result_queue, self._pending))
        self._manager.daemon = True
        self._manager.start()
        _process_executors.append(self)
        if not _process_exit_registered:
            _process_exit_registered = True
            if _gilsim.version >= (3, 9):
                threading._register_atexit(_python_exit_processes)
            else:
                atexit.register(_python_exit_processes)

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._shutdown_thread:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if _shutdown:
                raise RuntimeError("cannot schedule new futures after interpreter shutdown")
            f = Future()
            work_id = self._next_work_id
            self._next_work_id += 1
            self._pending[work_id] = f
            if self._manager is None:
                self._start()
            f.set_running_or_notify_cancel()
            try:
                self._call_queue.put((work_id, fn, args, kwargs))
            except Exception as e:
                # 3.7+ fails the future (bpo-29980's fix); 3.6's queue feeder drops the call
                # item and its future never completes.
                if _gilsim.version >= (3, 7):
                    del self._pending[work_id]
                    f.set_exception(e)
            return f

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        import functools

        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        results = super().map(functools.partial(_process_chunk, fn),
                              _get_chunks(*iterables, chunksize=chunksize), timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            first = not self._shutdown_thread
            self._shutdown_thread = True
        if self._manager is None:
            return
        if first:
            for _ in self._processes:
                self._call_queue.put(None)
        if wait:
            for p in self._processes:
                p.join()
            if self._manager.is_alive():
                self._result_queue.put(None)
                self._manager.join()
            if self in _process_executors:
                _process_executors.remove(self)

    if _gilsim.version < (3, 9):
        # cancel_futures is 3.9's.
        _shutdown_with_cancel = shutdown

        def shutdown(self, wait=True):
            return self._shutdown_with_cancel(wait)
