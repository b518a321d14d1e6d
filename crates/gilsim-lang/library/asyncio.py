# asyncio: the event loop, tasks and futures (library/gilsim_asyncio.py, _tasks, _loop) and
# the synchronization primitives and queues (library/gilsim_asyncio_sync.py), under the
# names scripts use. Time is the run's virtual time: `await asyncio.sleep(1)` takes no real
# second.

import _gilsim
from _gilsim_asyncio import (
    CancelledError,
    Future,
    Handle,
    InvalidStateError,
    Task,
    TimeoutError,
    TimerHandle,
    all_tasks,
    current_task,
    ensure_future,
    get_event_loop,
    get_running_loop,
    iscoroutine,
    iscoroutinefunction,
    isfuture,
    new_event_loop,
    set_event_loop,
    wrap_future,
)
from _gilsim_asyncio_tasks import (
    ALL_COMPLETED,
    FIRST_COMPLETED,
    FIRST_EXCEPTION,
    as_completed,
    gather,
    run_coroutine_threadsafe,
    shield,
    sleep,
    wait,
    wait_for,
)
from _gilsim_asyncio_loop import AbstractEventLoop, BaseEventLoop
from _gilsim_asyncio_sync import (
    BoundedSemaphore,
    Condition,
    Event,
    LifoQueue,
    Lock,
    PriorityQueue,
    Queue,
    QueueEmpty,
    QueueFull,
    Semaphore,
)

SelectorEventLoop = BaseEventLoop

if _gilsim.version >= (3, 7):
    from _gilsim_asyncio import create_task
    from _gilsim_asyncio_loop import run
if _gilsim.version >= (3, 9):
    from _gilsim_asyncio_tasks import to_thread
if _gilsim.version >= (3, 11):
    from _gilsim_asyncio_tasks import TaskGroup, Timeout, timeout, timeout_at
    from _gilsim_asyncio_loop import Runner
    from _gilsim_asyncio_sync import Barrier, BrokenBarrierError
