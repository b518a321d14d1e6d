# asyncio's core, as CPython's pure-Python asyncio defines it (Lib/asyncio/events.py,
# base_events.py, futures.py, tasks.py, runners.py): the event loop, Future, Task, sleep,
# gather, wait_for, wait, as_completed, shield, run and the thread bridges
# (call_soon_threadsafe, run_in_executor, to_thread, run_coroutine_threadsafe).
#
# The loop runs in the thread that calls run_until_complete. Where CPython's selector waits
# for I/O (`select(timeout)`, the GIL released), this loop waits on a Condition for the
# next timer, so `asyncio.sleep(1)` takes one second of virtual time, and other threads'
# call_soon_threadsafe wake it. A task is a generator-driven coroutine
# (gilsim_vm::coroutine): each step sends into it until it passes up a future to wait on.

import builtins
import collections
import heapq
import sys
import threading
import time
import _gilsim
import _gilsim_async

_V = _gilsim.version

# ---- exceptions (asyncio.exceptions; concurrent.futures' before 3.8)

if _V >= (3, 8):

    class CancelledError(BaseException):
        __module__ = "asyncio.exceptions"

    if _V >= (3, 11):
        TimeoutError = builtins.TimeoutError
    else:

        class TimeoutError(Exception):
            __module__ = "asyncio.exceptions"

    class InvalidStateError(Exception):
        __module__ = "asyncio.exceptions"

else:
    import concurrent.futures

    CancelledError = concurrent.futures.CancelledError
    TimeoutError = concurrent.futures.TimeoutError

    class InvalidStateError(Exception):
        __module__ = "asyncio.base_futures"


_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


def _callback_repr(callback):
    if isinstance(getattr(callback, "__self__", None), Task) and getattr(callback, "__name__", "") == "__wakeup":
        if _V >= (3, 10):
            return "Task.task_wakeup()"
        return "<TaskWakeupMethWrapper object at %#x>()" % id(callback)
    name = getattr(callback, "__qualname__", None) or getattr(callback, "__name__", None) or repr(callback)
    return name + "()"


# ---- handles and the running loop (asyncio.events)


class Handle(object):
    def __init__(self, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def get_context(self):
        return None

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            context = {"message": "Exception in callback %s" % _callback_repr(self._callback), "exception": exc, "handle": self}
            self._loop.call_exception_handler(context)

    def __repr__(self):
        if self._cancelled:
            return "<%s cancelled>" % type(self).__name__
        return "<%s %s>" % (type(self).__name__, _callback_repr(self._callback))


class TimerHandle(Handle):
    def __init__(self, when, callback, args, loop, context=None):
        Handle.__init__(self, callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def when(self):
        return self._when

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        Handle.cancel(self)

    def __repr__(self):
        text = Handle.__repr__(self)
        return text[:-1] + " when=%s>" % self._when


class _RunningLoop(threading.local):
    loop = None


_running = _RunningLoop()
# The loop set for each thread (CPython's policy keeps one per thread; the main thread's is
# made on demand by get_event_loop).
_set_loops = {}
_main_loop_made = [False]


def _get_running_loop():
    return _running.loop


def _set_running_loop(loop):
    _running.loop = loop


# For the primitives' module (a library module's private names stay its own).
running_loop_or_none = _get_running_loop


def get_running_loop():
    loop = _running.loop
    if loop is None:
        raise RuntimeError("no running event loop")
    return loop


def get_event_loop():
    loop = _running.loop
    if loop is not None:
        return loop
    thread = threading.current_thread()
    ident = thread.ident
    if ident in _set_loops:
        if _set_loops[ident] is not None:
            return _set_loops[ident]
    elif thread is threading.main_thread() and not _main_loop_made[0]:
        _main_loop_made[0] = True
        if _V >= (3, 12):
            _gilsim.warn("There is no current event loop", "DeprecationWarning", 1, True)
        loop = new_event_loop()
        _set_loops[ident] = loop
        return loop
    raise RuntimeError("There is no current event loop in thread %r." % thread.name)


def set_event_loop(loop):
    _main_loop_made[0] = True
    _set_loops[threading.get_ident()] = loop


def new_event_loop():
    return BaseEventLoop()


def _format_coroutine(coro):
    name = getattr(coro, "__qualname__", None)
    if isinstance(coro, (_gilsim_async.coroutine, _gilsim_async.async_generator)):
        filename, line, finished = _gilsim.gen_location(coro)
        name = _gilsim.gen_name(coro)
        if finished:
            return "%s() done, defined at %s:%d" % (name, filename, line)
        return "%s() running at %s:%d" % (name, filename, line)
    return repr(coro) if name is None else name + "()"


# ---- futures (asyncio.futures)


def isfuture(obj):
    return getattr(type(obj), "_asyncio_future_blocking", None) is not None and obj._asyncio_future_blocking is not None


class Future(object):
    _state = _PENDING
    _result = None
    _exception = None
    _loop = None
    _asyncio_future_blocking = False
    _log_traceback = False
    _cancel_message = None

    def __init__(self, *, loop=None):
        self._loop = get_event_loop() if loop is None else loop
        self._callbacks = []

    def _repr_info(self):
        info = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append("exception=%r" % (self._exception,))
            else:
                info.append("result=%s" % _short_repr(self._result))
        if self._callbacks:
            info.append("cb=[%s]" % ", ".join(_callback_repr(cb) for cb in self._callbacks))
        return info

    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, " ".join(self._repr_info()))

    def __del__(self):
        if not self._log_traceback:
            return
        name = "Task" if isinstance(self, Task) else "Future"
        context = {"message": "%s exception was never retrieved" % name, "exception": self._exception, "future": self}
        self._loop.call_exception_handler(context)

    def get_loop(self):
        return self._loop

    def _make_cancelled_error(self):
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks[:]
        if not callbacks:
            return
        self._callbacks[:] = []
        for callback in callbacks:
            self._loop.call_soon(callback, self)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Result is not ready.")
        self._log_traceback = False
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Exception is not set.")
        self._log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        kept = [cb for cb in self._callbacks if cb != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError("%s: %r" % (self._state, self))
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError("%s: %r" % (self._state, self))
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _short_repr(value):
    text = repr(value)
    if len(text) > 20:
        text = text[:8] + "..." + text[-9:]
    return text


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


def _copy_future_state(source, dest):
    # source: a concurrent.futures.Future or an asyncio one, done.
    if source.cancelled():
        dest.cancel()
        return
    if dest.cancelled():
        return
    exception = source.exception()
    if exception is not None:
        dest.set_exception(exception)
    else:
        dest.set_result(source.result())


def _chain_future(source, destination):
    # When `source` is done, `destination` (of the other kind) gets its outcome; cancelling
    # the destination cancels the source.
    source_loop = source._loop if isinstance(source, Future) else None
    dest_loop = destination._loop if isinstance(destination, Future) else None

    def _set_state(future, other):
        if isinstance(future, Future):
            _copy_future_state(other, future)
        elif future.cancelled() or not future.set_running_or_notify_cancel():
            return
        else:
            exception = other.exception()
            if exception is not None:
                future.set_exception(exception)
            else:
                future.set_result(other.result())

    def _call_check_cancel(destination):
        if destination.cancelled():
            if source_loop is None or source_loop is dest_loop:
                source.cancel()
            else:
                source_loop.call_soon_threadsafe(source.cancel)

    def _call_set_state(source):
        if destination.cancelled() and dest_loop is not None and dest_loop.is_closed():
            return
        if dest_loop is None or dest_loop is source_loop:
            _set_state(destination, source)
        elif not dest_loop.is_closed():
            dest_loop.call_soon_threadsafe(_set_state, destination, source)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)


def wrap_future(future, *, loop=None):
    if isfuture(future):
        return future
    if loop is None:
        loop = get_event_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future)
    return new_future


# ---- tasks (asyncio.tasks)

_task_counter = [0]
_current_tasks = {}
_all_tasks = []


def iscoroutine(obj):
    return isinstance(obj, (_gilsim_async.coroutine, _gilsim_async.iterable_coroutine))


def iscoroutinefunction(func):
    return _gilsim.function_kind(getattr(func, "__func__", func)) == "coroutine" or getattr(
        func, "_is_coroutine", None
    ) is not None


class Task(Future):
    _log_destroy_pending = True

    def __init__(self, coro, *, loop=None, name=None, context=None):
        Future.__init__(self, loop=loop)
        if not iscoroutine(coro):
            self._log_destroy_pending = False
            raise TypeError("a coroutine was expected, got %r" % (coro,))
        _task_counter[0] += 1
        self._name = "Task-%d" % _task_counter[0] if name is None else str(name)
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        self._num_cancels_requested = 0
        self._loop.call_soon(self.__step)
        _all_tasks.append(self)

    def __del__(self):
        if self._state == _PENDING and self._log_destroy_pending:
            context = {"message": "Task was destroyed but it is pending!", "task": self}
            self._loop.call_exception_handler(context)
        Future.__del__(self)

    def _repr_info(self):
        info = Future._repr_info(self)
        if self._must_cancel:
            info[0] = "cancelling"
        if _V >= (3, 8):
            info.insert(1, "name=%r" % self._name)
        info.insert(2 if _V >= (3, 8) else 1, "coro=<%s>" % _format_coroutine(self._coro))
        if self._fut_waiter is not None:
            info.insert(3 if _V >= (3, 8) else 2, "wait_for=%r" % (self._fut_waiter,))
        return info

    def get_coro(self):
        return self._coro

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_stack(self, *, limit=None):
        return []

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def set_result(self, result):
        raise RuntimeError("Task does not support set_result operation")

    def set_exception(self, exception):
        raise RuntimeError("Task does not support set_exception operation")

    def cancel(self, msg=None):
        self._log_traceback = False
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def __step(self, exc=None):
        if self.done():
            raise InvalidStateError("_step(): already done: %r, %r" % (self, exc))
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        coro = self._coro
        self._fut_waiter = None
        _current_tasks[self._loop] = self
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, stop.value)
        except CancelledError as error:
            self._cancelled_exc = error
            Future.cancel(self)
        except (KeyboardInterrupt, SystemExit) as error:
            Future.set_exception(self, error)
            raise
        except BaseException as error:
            Future.set_exception(self, error)
        else:
            self._wait_on(result)
        finally:
            _current_tasks.pop(self._loop, None)
            self = None

    def _wait_on(self, result):
        blocking = getattr(result, "_asyncio_future_blocking", None)
        if blocking is not None:
            if result._loop is not self._loop:
                error = RuntimeError("Task %r got Future %r attached to a different loop" % (self, result))
                self._loop.call_soon(self.__step, error)
            elif blocking:
                if result is self:
                    error = RuntimeError("Task cannot await on itself: %r" % (self,))
                    self._loop.call_soon(self.__step, error)
                else:
                    result._asyncio_future_blocking = False
                    result.add_done_callback(self.__wakeup)
                    self._fut_waiter = result
                    if self._must_cancel:
                        if self._fut_waiter.cancel(msg=self._cancel_message):
                            self._must_cancel = False
            else:
                error = RuntimeError("yield was used instead of yield from in task %r with %r" % (self, result))
                self._loop.call_soon(self.__step, error)
        elif result is None:
            self._loop.call_soon(self.__step)
        else:
            self._loop.call_soon(self.__step, RuntimeError("Task got bad yield: %r" % (result,)))

    def __wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self.__step(exc)
        else:
            self.__step()
        self = None


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return set(t for t in _all_tasks if t._loop is loop and not t.done())


def ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        if loop is not None and loop is not coro_or_future._loop:
            raise ValueError("The future belongs to a different loop than the one specified as the loop argument")
        return coro_or_future
    if iscoroutine(coro_or_future):
        if loop is None:
            loop = get_event_loop()
        return loop.create_task(coro_or_future)
    if hasattr(type(coro_or_future), "__await__"):
        return ensure_future(_wrap_awaitable(coro_or_future), loop=loop)
    raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")


async def _wrap_awaitable(awaitable):
    return await awaitable


def create_task(coro, *, name=None, context=None):
    loop = get_running_loop()
    task = loop.create_task(coro)
    if name is not None:
        task.set_name(name)
    return task


class _Sleep0(object):
    # `sleep(0)`: one bare yield, so the task steps again on the next loop iteration.
    def __await__(self):
        yield


async def sleep(delay, result=None):
    if delay <= 0:
        await _Sleep0()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    handle = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        handle.cancel()


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut):
    loop = get_running_loop()
    waiter = loop.create_future()
    cb = lambda f: _release_waiter(waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    loop = get_running_loop()
    if timeout is None:
        return await fut
    fut = ensure_future(fut, loop=loop)
    if timeout <= 0:
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = lambda f: _release_waiter(waiter)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError("expect a list of futures, not %s" % type(fs).__name__)
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError("Invalid return_when value: %s" % return_when)
    loop = get_running_loop()
    fs = list(fs)
    if _V >= (3, 11) and any(iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    fs = [ensure_future(f, loop=loop) for f in fs]
    unique = []
    for f in fs:
        if f not in unique:
            unique.append(f)
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = [len(unique)]

    def _on_completion(f):
        counter[0] -= 1
        if (
            counter[0] <= 0
            or return_when == FIRST_COMPLETED
            or return_when == FIRST_EXCEPTION
            and (not f.cancelled() and f.exception() is not None)
        ):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in unique:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in unique:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in unique:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


class _Mailbox(object):
    # as_completed's queue of finished futures: `get` waits for the next one.
    def __init__(self, loop):
        self._loop = loop
        self._items = collections.deque()
        self._waiters = []

    def put(self, item):
        self._items.append(item)
        while self._waiters:
            waiter = self._waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)

    async def get(self):
        while not self._items:
            waiter = self._loop.create_future()
            self._waiters.append(waiter)
            await waiter
        return self._items.popleft()


def as_completed(fs, *, timeout=None):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError("expect an iterable of futures, not %s" % type(fs).__name__)
    loop = get_event_loop()
    todo = []
    for f in fs:
        f = ensure_future(f, loop=loop)
        if f not in todo:
            todo.append(f)
    done = _Mailbox(loop)
    timeout_handle = [None]

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put(None)
        todo[:] = []

    def _on_completion(f):
        if not todo:
            return
        todo.remove(f)
        done.put(f)
        if not todo and timeout_handle[0] is not None:
            timeout_handle[0].cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle[0] = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


class _GatheringFuture(Future):
    def __init__(self, children, *, loop):
        Future.__init__(self, loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        loop = get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer
    loop = None
    arg_to_fut = {}
    children = []
    for arg in coros_or_futures:
        key = id(arg)
        if key in arg_to_fut:
            fut = arg_to_fut[key]
        else:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut._loop
            if fut is not arg:
                fut._log_destroy_pending = False
            arg_to_fut[key] = fut
        children.append(fut)
    state = {"finished": 0}
    count = len(set(id(c) for c in children))
    outer = _GatheringFuture(children, loop=loop)

    def _done_callback(fut):
        state["finished"] += 1
        if outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if state["finished"] == count:
            results = []
            for f in children:
                if f.cancelled():
                    res = f._make_cancelled_error()
                else:
                    res = f.exception()
                    if res is None:
                        res = f.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(CancelledError())
            else:
                outer.set_result(results)

    seen = set()
    for fut in children:
        if id(fut) not in seen:
            seen.add(id(fut))
            fut.add_done_callback(_done_callback)
    return outer


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner._loop
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def run_coroutine_threadsafe(coro, loop):
    import concurrent.futures

    if not iscoroutine(coro):
        raise TypeError("A coroutine object is required")
    future = concurrent.futures.Future()

    def callback():
        try:
            _chain_future(ensure_future(coro, loop=loop), future)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)
            raise

    loop.call_soon_threadsafe(callback)
    return future


async def to_thread(func, *args, **kwargs):
    loop = get_running_loop()
    return await loop.run_in_executor(None, lambda: func(*args, **kwargs))


# ---- the event loop (asyncio.base_events)


class AbstractEventLoop(object):
    pass


class BaseEventLoop(AbstractEventLoop):
    _clock_resolution = 1e-09

    def __init__(self):
        self._ready = collections.deque()
        self._scheduled = []
        self._sequence = 0
        self._stopping = False
        self._closed = False
        self._thread_id = None
        self._wakeup = threading.Condition(threading.Lock())
        self._threadsafe = collections.deque()
        self._default_executor = None
        self._exception_handler = None
        self._debug = False

    def __repr__(self):
        return "<_UnixSelectorEventLoop running=%s closed=%s debug=%s>" % (
            self.is_running(),
            self._closed,
            self._debug,
        )

    def time(self):
        return time.monotonic()

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        task = Task(coro, loop=self, name=name)
        return task

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        timer = TimerHandle(when, callback, args, self, context)
        self._sequence += 1
        heapq.heappush(self._scheduled, (when, self._sequence, timer))
        timer._scheduled = True
        return timer

    def _timer_handle_cancelled(self, handle):
        pass

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self, context)
        with self._wakeup:
            self._threadsafe.append(handle)
            self._wakeup.notify()
        return handle

    def is_running(self):
        return self._thread_id is not None

    def is_closed(self):
        return self._closed

    def stop(self):
        self._stopping = True

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled = []
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)

    def run_forever(self):
        self._check_closed()
        if self.is_running():
            raise RuntimeError("This event loop is already running")
        if _running.loop is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")
        self._thread_id = threading.get_ident()
        _set_running_loop(self)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_id = None
            _set_running_loop(None)

    def run_until_complete(self, future):
        self._check_closed()
        if self.is_running():
            raise RuntimeError("This event loop is already running")
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def _run_once(self):
        scheduled = self._scheduled
        while scheduled and scheduled[0][2]._cancelled:
            heapq.heappop(scheduled)
        if self._ready or self._stopping:
            timeout = 0
        elif scheduled:
            timeout = max(0, scheduled[0][0] - self.time())
        else:
            timeout = None
        self._wait_for_events(timeout)
        end_time = self.time() + self._clock_resolution
        while scheduled and scheduled[0][0] < end_time:
            handle = heapq.heappop(scheduled)[2]
            handle._scheduled = False
            if not handle._cancelled:
                self._ready.append(handle)
        for _ in range(len(self._ready)):
            handle = self._ready.popleft()
            if not handle._cancelled:
                handle._run()

    def _wait_for_events(self, timeout):
        # The selector's `select(timeout)`: sleep until the next timer is due or another
        # thread hands over a callback.
        with self._wakeup:
            if not self._threadsafe and timeout != 0:
                self._wakeup.wait(timeout)
            while self._threadsafe:
                self._ready.append(self._threadsafe.popleft())

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if executor is None:
            executor = self._default_executor
            if executor is None:
                import concurrent.futures

                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix="asyncio")
                self._default_executor = executor
        return wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        self._default_executor = executor

    async def shutdown_asyncgens(self):
        pass

    async def shutdown_default_executor(self, timeout=None):
        executor = self._default_executor
        if executor is None:
            return
        future = self.create_future()

        def _shutdown():
            try:
                executor.shutdown(wait=True)
                self.call_soon_threadsafe(_set_result_unless_cancelled, future, None)
            except Exception as exc:
                self.call_soon_threadsafe(future.set_exception, exc)

        thread = threading.Thread(target=_shutdown)
        thread.start()
        try:
            await future
        finally:
            thread.join()

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError("A callable object or None is expected, got %r" % (handler,))
        self._exception_handler = handler

    def default_exception_handler(self, context):
        message = context.get("message") or "Unhandled exception in event loop"
        exception = context.get("exception")
        exc_info = (type(exception), exception, exception.__traceback__) if exception is not None else False
        lines = [message]
        for key in sorted(context):
            if key in ("message", "exception"):
                continue
            lines.append("%s: %r" % (key, context[key]))
        import logging

        logging.getLogger("asyncio").error("\n".join(lines), exc_info=exc_info)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                pass
            return
        try:
            self._exception_handler(self, context)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            try:
                self.default_exception_handler(
                    {"message": "Unhandled error in exception handler", "exception": exc, "context": context}
                )
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                pass


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    fut.get_loop().stop()


# ---- asyncio.run (asyncio.runners)


def _cancel_all_tasks(loop):
    to_cancel = all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler(
                {
                    "message": "unhandled exception during asyncio.run() shutdown",
                    "exception": task.exception(),
                    "task": task,
                }
            )


def run(main, *, debug=None):
    if _running.loop is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not iscoroutine(main):
        raise ValueError("a coroutine was expected, got %r" % (main,))
    loop = new_event_loop()
    try:
        set_event_loop(loop)
        if debug is not None:
            loop.set_debug(debug)
        return loop.run_until_complete(main)
    finally:
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            if _V >= (3, 9):
                loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            set_event_loop(None)
            loop.close()
