# gilsim's multiprocessing.pool (CPython's multiprocessing/pool.py, in outline).

import _gilsim
import collections
import os
import queue
import threading
import time
import traceback
from multiprocessing import Process, SimpleQueue, TimeoutError, ForkProcess, SpawnProcess, get_start_method


# Workers are daemon processes named ForkPoolWorker-N (SpawnPoolWorker-N) that take tasks from one SimpleQueue and
# put results on another; a daemon thread of the pool's process hands results to their
# ApplyResult / MapResult. map() cuts its input in chunks as CPython does. As in CPython, a
# worker-handler and a task-handler thread start before the result handler (they take the
# names Thread-1 and Thread-2), but they only wait: tasks go to the workers' queue from the
# calling thread (a task that cannot be pickled fails its result, as there). A task's
# exception travels as CPython's does, with its traceback formatted in the worker
# (RemoteTraceback, its __cause__ in the pool's process).

# The message's typo was fixed in 3.12.
_NO_RESULT_HANDLER = "Cannot have cache with result_hand%sr not alive" % ("le" if _gilsim.version >= (3, 12) else "e")

INIT = "INIT"
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"

_job_counter = 0


def _next_job():
    global _job_counter
    job = _job_counter
    _job_counter += 1
    return job


class MaybeEncodingError(Exception):
    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super(MaybeEncodingError, self).__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


# Loops in Python, not map(): the function may block (sleep, locks) like any other code.
def mapstar(args):
    func, items = args
    return [func(item) for item in items]


def starmapstar(args):
    func, items = args
    return [func(*item) for item in items]


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class ExceptionWithTraceback:
    def __init__(self, exc, tb):
        tb = traceback.format_exception(type(exc), exc, tb)
        tb = "".join(tb)
        self.exc = exc
        self.tb = '\n"""\n%s"""' % tb

    def __reduce__(self):
        return rebuild_exc, (self.exc, self.tb)


def rebuild_exc(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


def worker(inqueue, outqueue, initializer, initargs, maxtasks=None, wrap_exception=False):
    if maxtasks is not None and not (isinstance(maxtasks, int) and maxtasks >= 1):
        # Before 3.10 the pool took such a value and each worker refused it.
        raise AssertionError("Maxtasks {!r} is not valid".format(maxtasks))
    if initializer is not None:
        initializer(*initargs)
    # With maxtasksperchild a worker ends after that many tasks; the worker handler starts
    # another in its place.
    completed = 0
    while maxtasks is None or (maxtasks and completed < maxtasks):
        task = inqueue.get()
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            if wrap_exception:
                e = ExceptionWithTraceback(e, e.__traceback__)
            result = (False, e)
        try:
            outqueue.put((job, i, result))
        except Exception as e:
            outqueue.put((job, i, (False, MaybeEncodingError(e, result[1]))))
        completed += 1


def _handle_results(outqueue, cache):
    while True:
        task = outqueue.get()
        if task is None:
            break
        job, i, obj = task
        if job in cache:
            cache[job]._set(i, obj)


class ApplyResult(object):
    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = _next_job()
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._cache[self._job]
        self._pool = None


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del self._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                # only store first exception
                self._success = False
                self._value = result
            if self._number_left == 0:
                # only consider the result ready once all jobs are done
                if self._error_callback:
                    self._error_callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None


class IMapIterator(object):
    def __init__(self, pool, ordered):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = _next_job()
        self._cache = pool._cache
        self._items = collections.deque()
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._ordered = ordered
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            while not self._items:
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration
                self._cond.wait(timeout)
                if not self._items:
                    if self._index == self._length:
                        self._pool = None
                        raise StopIteration
                    raise TimeoutError
            success, value = self._items.popleft()
        if success:
            return value
        raise value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if not self._ordered:
                self._items.append(obj)
                self._index += 1
                self._cond.notify()
            elif self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    self._items.append(self._unsorted.pop(self._index))
                    self._index += 1
                self._cond.notify()
            else:
                # Out of order: kept until the results before it come (no wake-up, as in
                # CPython: a waiter woken with nothing to take would raise TimeoutError).
                self._unsorted[i] = obj
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                del self._cache[self._job]
                self._pool = None


class Pool(object):
    _wrap_exception = True

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        self._state = INIT
        self._cache = {}
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        invalid = maxtasksperchild is not None and (not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0)
        if invalid and _gilsim.version >= (3, 10):
            raise ValueError("maxtasksperchild must be a positive int or None")
        self._maxtasksperchild = maxtasksperchild
        self._initializer = initializer
        self._initargs = initargs
        self._processes = processes
        self._start_method = context.get_start_method() if context is not None else get_start_method()
        self._setup_queues()
        self._pool = []
        self._repopulate_pool()
        self._start_handlers()
        self._result_handler = threading.Thread(target=_handle_results, args=(self._outqueue, self._cache))
        self._result_handler.daemon = True
        self._result_handler.start()
        self._state = RUN

    def _setup_queues(self):
        self._inqueue = SimpleQueue()
        self._outqueue = SimpleQueue()

    def _new_worker(self, args):
        # The context's Process class names the workers: ForkPoolWorker-N, SpawnPoolWorker-N.
        spawned = self._start_method == "spawn"
        w = (SpawnProcess if spawned else ForkProcess)(target=worker, args=args)
        w.name = w.name.replace("Process", "PoolWorker")
        return w

    def _repopulate_pool(self):
        for _ in range(self._processes - len(self._pool)):
            args = (self._inqueue, self._outqueue, self._initializer, self._initargs, self._maxtasksperchild,
                    self._wrap_exception)
            w = self._new_worker(args)
            w.daemon = True
            w.start()
            self._pool.append(w)

    def _maintain_pool(self):
        # CPython's _join_exited_workers and _repopulate_pool: workers that ended after
        # maxtasksperchild tasks are joined and replaced.
        for w in list(self._pool):
            if w.exitcode is not None:
                w.join()
                self._pool.remove(w)
        self._repopulate_pool()

    def _start_handlers(self):
        self._handlers_done = threading.Event()
        self._handlers = []
        for target, arg in ((_handle_workers, self), (_handle_tasks, self._handlers_done)):
            handler = threading.Thread(target=target, args=(arg,))
            handler.daemon = True
            handler.start()
            self._handlers.append(handler)

    def _stop_worker_handler(self):
        # The worker handler ends once the pool is not running and no result is awaited.
        if self._maxtasksperchild is not None:
            self._handlers[0].join()

    def __repr__(self):
        if _gilsim.version < (3, 8):
            return object.__repr__(self)
        return "<%s.%s state=%s pool_size=%s>" % (
            "multiprocessing.pool", self.__class__.__name__, self._state, len(self._pool))

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _submit(self, result, i, func, args, kwds):
        try:
            self._inqueue.put((result._job, i, func, args, kwds))
        except Exception as e:
            # The task could not be pickled: its result fails with the error.
            result._set(i, (False, e))

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._submit(result, 0, func, args, kwds)
        return result

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, mapstar, chunksize, callback, error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize, callback, error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        result = MapResult(self, chunksize, len(iterable), callback, error_callback)
        for i, start in enumerate(range(0, len(iterable), max(chunksize, 1))):
            chunk = (func, tuple(iterable[start:start + chunksize]))
            self._submit(result, i, mapper, (chunk,), {})
        return result

    def imap(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, True)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, False)

    def _imap(self, func, iterable, chunksize, ordered):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        result = IMapIterator(self, ordered)
        iterable = list(iterable)
        count = 0
        for i in range(len(iterable)):
            self._submit(result, i, func, (iterable[i],), {})
            count += 1
        result._set_length(count)
        return result

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            # After the tasks already queued, each worker takes a sentinel and exits.
            for _ in self._pool:
                self._inqueue.put(None)

    def terminate(self):
        # CPython's pool handler threads give every worker a sentinel first, and the
        # workers that are waiting for a task race the kill to a clean exit (which flushes
        # their output); here they get 1 ms of virtual time for it.
        was_running = self._state == RUN
        self._state = TERMINATE
        self._stop_worker_handler()
        if was_running:
            for _ in self._pool:
                self._inqueue.put(None)
        self._check_result_handler()
        deadline = time.monotonic() + 0.001
        for w in self._pool:
            w.join(max(0.0, deadline - time.monotonic()))
        for w in self._pool:
            if w.exitcode is None:
                w.terminate()
        for w in self._pool:
            w.join()
        self._stop_result_handler()

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        self._stop_worker_handler()
        for w in self._pool:
            w.join()
        self._stop_result_handler()

    def _check_result_handler(self):
        # CPython's _terminate_pool: results are awaited and nothing will hand them over (the
        # result handler died, as when a task's exception cannot be unpickled).
        if _gilsim.version < (3, 7):
            assert self._result_handler.is_alive() or len(self._cache) == 0
        elif not self._result_handler.is_alive() and len(self._cache) != 0:
            raise AssertionError(_NO_RESULT_HANDLER)

    def _stop_result_handler(self):
        self._handlers_done.set()
        for handler in self._handlers:
            handler.join()
        if self._result_handler.is_alive():
            self._outqueue.put(None)
            self._result_handler.join()

    if _gilsim.version >= (3, 0):
        # A context manager from 3.3 (2.7's `with Pool()` fails on `__exit__`).

        def __enter__(self):
            self._check_running()
            return self

        def __exit__(self, exc_type, exc_val, exc_tb):
            self.terminate()


class ThreadPool(Pool):
    # multiprocessing.dummy's pool: the workers are DummyProcess threads (named after
    # CPython's `worker` function), the queues plain queue.Queues (nothing is pickled).
    _wrap_exception = False

    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)

    def _setup_queues(self):
        self._inqueue = queue.Queue()
        self._outqueue = queue.Queue()

    def _new_worker(self, args):
        from multiprocessing.dummy import DummyProcess
        return DummyProcess(target=worker, args=args)

    def terminate(self):
        # CPython's _help_stuff_finish: tasks no worker has taken are dropped; each worker
        # finishes the task in hand, takes a sentinel and ends (threads cannot be killed).
        self._state = TERMINATE
        with self._inqueue.mutex:
            self._inqueue.queue.clear()
        self._check_result_handler()
        for _ in self._pool:
            self._inqueue.put(None)
        for w in self._pool:
            w.join()
        self._stop_result_handler()


def _handle_workers(pool):
    done = pool._handlers_done
    if pool._maxtasksperchild is None:
        done.wait()
        return
    # CPython's loop: until the pool stops and its results are in, replace the workers that
    # ended. 3.8 wakes it when a worker's sentinel is ready; before, it polled every 0.1 s.
    interval = 0.1 if _gilsim.version < (3, 8) else 0.001
    while pool._state in (INIT, RUN) or (pool._cache and pool._state != TERMINATE):
        pool._maintain_pool()
        if done.wait(interval):
            break


def _handle_tasks(done):
    done.wait()
