# asyncio's functions over tasks and futures (Lib/asyncio/tasks.py, timeouts.py,
# taskgroups.py): sleep, wait_for, wait, as_completed, gather, shield, timeout and TaskGroup
# (3.11+), and the thread bridges run_coroutine_threadsafe and to_thread.

import collections
import _gilsim
from _gilsim_asyncio import (
    CancelledError,
    Future,
    TimeoutError,
    chain_future,
    copy_future_state,
    current_task,
    ensure_future,
    get_event_loop,
    get_running_loop,
    iscoroutine,
    isfuture,
    set_result_unless_cancelled,
)

_V = _gilsim.version


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
    handle = loop.call_later(delay, set_result_unless_cancelled, future, result)
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


async def _wait_for_no_time(fut):
    # wait_for with a timeout <= 0: the awaitable's task gets no time to run.
    fut = ensure_future(fut)
    if fut.done():
        return fut.result()  # already done
    await _cancel_and_wait(fut)
    if _V < (3, 8):
        raise TimeoutError()  # 3.7: no cause
    try:
        return fut.result()
    except CancelledError as exc:
        raise TimeoutError() from exc


async def wait_for(fut, timeout):
    if _V >= (3, 12):
        # 3.12 awaits the awaitable itself, in a timeout block (no task for a coroutine).
        if timeout is not None and timeout <= 0:
            return await _wait_for_no_time(fut)
        async with _timeout_block(timeout):
            return await fut
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        return await _wait_for_no_time(fut)
    fut = ensure_future(fut, loop=loop)
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
            return fut.result()  # done before the timeout
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut)
        if _V < (3, 9):
            raise TimeoutError()  # before 3.9 the task's CancelledError is not its cause
        try:
            return fut.result()  # the cancelled task's error
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


def _gather_cancelled_error(fut):
    # What gather reports for a cancelled child: CPython's C `_make_cancelled_error` gives an
    # empty message from 3.9, 3.8's gather made a bare CancelledError.
    if _V < (3, 9):
        return CancelledError()
    return CancelledError("" if fut._cancel_message is None else fut._cancel_message)


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
                outer.set_exception(_gather_cancelled_error(fut))
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if state["finished"] == count:
            results = []
            for f in children:
                if f.cancelled():
                    res = _gather_cancelled_error(f)
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
        copy_future_state(inner, outer)

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
            chain_future(ensure_future(coro, loop=loop), future)
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


class Timeout(object):
    # `async with asyncio.timeout(delay)` (3.11+, Lib/asyncio/timeouts.py): when the deadline
    # passes, the task is cancelled, and the CancelledError leaving the block becomes
    # TimeoutError.
    def __init__(self, when):
        self._state = "created"
        self._timeout_handler = None
        self._task = None
        self._when = when

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._state != "entered":
            raise RuntimeError("Timeout has not been entered" if self._state == "created" else "Cannot reschedule after exit")
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state in ("expiring", "expired")

    def __repr__(self):
        info = [self._state]
        if self._state == "entered":
            info.append("when=%s" % (round(self._when, 3) if self._when is not None else None))
        return "<Timeout [%s]>" % " ".join(info)

    async def __aenter__(self):
        if self._state != "created":
            raise RuntimeError("Timeout has already been entered")
        task = current_task()
        if task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._state = "entered"
        self._task = task
        self._cancelling = task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state == "expiring":
            self._state = "expired"
            if self._task.uncancel() <= self._cancelling and exc_type is CancelledError:
                raise TimeoutError from exc_val
        elif self._state == "entered":
            self._state = "exited"
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = "expiring"
        self._timeout_handler = None


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


_timeout_block = timeout


def timeout_at(when):
    return Timeout(when)


class TaskGroup(object):
    # `async with asyncio.TaskGroup() as tg:` (3.11+, Lib/asyncio/taskgroups.py): the block
    # ends when every task made with tg.create_task() has; the first task to fail cancels
    # the others and the block, and the failures leave it as one ExceptionGroup.
    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = set()
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = [""]
        if self._tasks:
            info.append("tasks=%d" % len(self._tasks))
        if self._errors:
            info.append("errors=%d" % len(self._errors))
        if self._aborting:
            info.append("cancelling")
        elif self._entered:
            info.append("entered")
        return "<TaskGroup%s>" % " ".join(info)

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError("TaskGroup %r has already been entered" % (self,))
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError("TaskGroup %r cannot determine the parent task" % (self,))
        self._entered = True
        return self

    def _is_cancellation(self, et):
        # 3.13 lets a subclass of CancelledError count as one.
        if _V >= (3, 13):
            return et is not None and issubclass(et, CancelledError)
        return et is CancelledError

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if exc is not None and self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        propagate_cancellation_error = exc if self._is_cancellation(et) else None
        if _V < (3, 13) and self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:
                propagate_cancellation_error = None
        if et is not None and not self._aborting:
            self._abort()
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None
        assert not self._tasks
        if self._base_error is not None:
            raise self._base_error
        if _V >= (3, 13) and self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:
                propagate_cancellation_error = None
        if propagate_cancellation_error is not None and not self._errors:
            raise propagate_cancellation_error
        if et is not None and not self._is_cancellation(et):
            self._errors.append(exc)
        if self._errors:
            if _V >= (3, 13) and self._parent_task.cancelling():
                self._parent_task.uncancel()
                self._parent_task.cancel()
            try:
                me = BaseExceptionGroup("unhandled errors in a TaskGroup", self._errors)
                raise me from None
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            self._refuse(coro, "TaskGroup %r has not been entered" % (self,))
        if self._exiting and not self._tasks:
            self._refuse(coro, "TaskGroup %r is finished" % (self,))
        if self._aborting:
            self._refuse(coro, "TaskGroup %r is shutting down" % (self,))
        if _V >= (3, 13):
            task = self._loop.create_task(coro, name=name, context=context)
        else:
            # Before 3.13 the task is named after it is made: it takes a number anyway.
            task = self._loop.create_task(coro, context=context)
            if name is not None:
                task.set_name(name)
        if _V >= (3, 12) and task.done():
            self._on_task_done(task)
        else:
            self._tasks.add(task)
            task.add_done_callback(self._on_task_done)
        return task

    def _refuse(self, coro, message):
        if _V >= (3, 13):
            coro.close()
        raise RuntimeError(message)

    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.discard(task)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            self._loop.call_exception_handler({
                "message": "Task %r has errored out but its parent task %s is already completed" % (task, self._parent_task),
                "exception": exc,
                "task": task,
            })
            return
        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()
