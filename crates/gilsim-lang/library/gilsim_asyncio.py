# asyncio's core, as CPython's pure-Python asyncio defines it (Lib/asyncio/events.py,
# futures.py, tasks.py): the exceptions, handles, the running loop, Future and Task. The
# functions on top of them are library/gilsim_asyncio_tasks.py's, the event loop and
# asyncio.run library/gilsim_asyncio_loop.py's.
#
# The loop runs in the thread that calls run_until_complete. Where CPython's selector waits
# for I/O (`select(timeout)`, the GIL released), this loop waits on a Condition for the
# next timer, so `asyncio.sleep(1)` takes one second of virtual time, and other threads'
# call_soon_threadsafe wake it. A task is a generator-driven coroutine
# (gilsim_vm::coroutine): each step sends into it until it passes up a future to wait on.

import builtins
import sys
import threading
import time
import weakref
import _gilsim
import _gilsim_async

_V = _gilsim.version

if _V >= (3, 7):
    import contextvars

    _copy_context = contextvars.copy_context
else:

    class _NoContext(object):
        # 3.6 has no contextvars: a callback just runs.
        def run(self, callable, *args):
            return callable(*args)

    _NO_CONTEXT = _NoContext()

    def _copy_context():
        return _NO_CONTEXT

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


def _callback_repr(callback, args=()):
    # CPython's format_helpers._format_callback_source: `qualname(args) at file:line`.
    if isinstance(getattr(callback, "__self__", None), Task) and getattr(callback, "__name__", "") == "__wakeup":
        if _V >= (3, 10):
            return "Task.task_wakeup()"
        return "<TaskWakeupMethWrapper object at %#x>()" % id(callback)
    name = getattr(callback, "__qualname__", None) or getattr(callback, "__name__", None) or repr(callback)
    text = "%s(%s)" % (name, ", ".join(_short_repr(a) for a in args))
    source = _gilsim.function_location(callback)
    if source is not None:
        text += " at %s:%d" % source
    return text


# ---- handles and the running loop (asyncio.events)


class Handle(object):
    # A callback runs in a copy of the context it was scheduled from (PEP 567), a task's
    # steps in the task's own context.
    def __init__(self, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False
        self._context = _copy_context() if context is None else context

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    if _V >= (3, 7):

        def cancelled(self):
            return self._cancelled

    def get_context(self):
        return self._context

    def _run(self):
        try:
            self._context.run(self._callback, *self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            context = {
                "message": "Exception in callback %s" % _callback_repr(self._callback, self._args),
                "exception": exc,
                "handle": self,
            }
            self._loop.call_exception_handler(context)

    def __repr__(self):
        if self._cancelled:
            return "<%s cancelled>" % type(self).__name__
        return "<%s %s>" % (type(self).__name__, _callback_repr(self._callback, self._args))


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
# The loop set for each thread, by ident (CPython's policy keeps one per thread; the main
# thread's is made on demand by get_event_loop until it sets one itself).
_set_loops = {}


def _get_running_loop():
    return _running.loop


def _set_running_loop(loop):
    _running.loop = loop


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
    elif thread is threading.main_thread():
        if _V >= (3, 12):
            _gilsim.warn("There is no current event loop", "DeprecationWarning", 1, True)
        loop = new_event_loop()
        _set_loops[ident] = loop
        return loop
    raise RuntimeError("There is no current event loop in thread %r." % thread.name)


def set_event_loop(loop):
    _set_loops[threading.get_ident()] = loop


def new_event_loop():
    import _gilsim_asyncio_loop

    return _gilsim_asyncio_loop.BaseEventLoop()


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
    _cancelled_exc = None

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
            info.append("cb=[%s]" % ", ".join(_callback_repr(cb) for cb, _ in self._callbacks))
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
        # From 3.11 a task cancelled by the CancelledError its coroutine raised re-raises
        # that very exception (its message with it), once.
        if _V >= (3, 11) and self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        exc = CancelledError() if self._cancel_message is None else CancelledError(self._cancel_message)
        if _V >= (3, 9):
            # 3.9 and 3.10: a new one, in the context of the coroutine's own.
            exc.__context__ = self._cancelled_exc
            self._cancelled_exc = None
        return exc

    def cancel(self, msg=None, *rest):
        if _V < (3, 9) and (msg is not None or rest):
            raise TypeError("cancel() takes no arguments (%d given)" % (1 + len(rest)))
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
        for callback, context in callbacks:
            self._loop.call_soon(callback, self, context=context)

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
            self._loop.call_soon(fn, self, context=context)
        else:
            if context is None:
                context = _copy_context()
            self._callbacks.append((fn, context))

    def remove_done_callback(self, fn):
        kept = [(cb, context) for cb, context in self._callbacks if cb != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError("invalid state")
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError("invalid state")
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
# Every task, weakly (CPython's WeakSet): a finished task nobody holds is freed, and its
# "exception was never retrieved" is reported then.
_all_tasks = weakref.WeakSet()


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
        self._context = None
        if not iscoroutine(coro):
            self._log_destroy_pending = False
            raise TypeError("a coroutine was expected, got %r" % (coro,))
        _task_counter[0] += 1
        self._name = "Task-%d" % _task_counter[0] if name is None else str(name)
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        self._num_cancels_requested = 0
        self._context = _copy_context() if context is None else context
        self._loop.call_soon(self.__step, context=self._context)
        _all_tasks.add(self)

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

    if _V >= (3, 8):

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

    def cancel(self, msg=None, *rest):
        if _V < (3, 9) and (msg is not None or rest):
            raise TypeError("cancel() takes no arguments (%d given)" % (1 + len(rest)))
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
                self._loop.call_soon(self.__step, error, context=self._context)
            elif blocking:
                if result is self:
                    error = RuntimeError("Task cannot await on itself: %r" % (self,))
                    self._loop.call_soon(self.__step, error, context=self._context)
                else:
                    result._asyncio_future_blocking = False
                    result.add_done_callback(self.__wakeup, context=self._context)
                    self._fut_waiter = result
                    if self._must_cancel:
                        if self._fut_waiter.cancel(msg=self._cancel_message):
                            self._must_cancel = False
            else:
                error = RuntimeError("yield was used instead of yield from in task %r with %r" % (self, result))
                self._loop.call_soon(self.__step, error, context=self._context)
        elif result is None:
            self._loop.call_soon(self.__step, context=self._context)
        else:
            error = RuntimeError("Task got bad yield: %r" % (result,))
            self._loop.call_soon(self.__step, error, context=self._context)

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


if _V >= (3, 8):

    def create_task(coro, *, name=None, context=None):
        loop = get_running_loop()
        task = loop.create_task(coro)
        if name is not None:
            task.set_name(name)
        return task

else:

    def create_task(coro):
        return get_running_loop().create_task(coro)


# For the other asyncio modules (a library module's private names stay its own).
chain_future = _chain_future
copy_future_state = _copy_future_state
set_result_unless_cancelled = _set_result_unless_cancelled
set_running_loop = _set_running_loop
get_running_loop_or_none = _get_running_loop
