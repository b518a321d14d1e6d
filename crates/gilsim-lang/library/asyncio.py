# asyncio: the event loop, tasks and futures (library/gilsim_asyncio.py) and the
# synchronization primitives and queues (library/gilsim_asyncio_sync.py), under the names
# scripts use. Time is the run's virtual time: `await asyncio.sleep(1)` takes no real second.

import _gilsim
from _gilsim_asyncio import (
    ALL_COMPLETED,
    FIRST_COMPLETED,
    FIRST_EXCEPTION,
    AbstractEventLoop,
    BaseEventLoop,
    CancelledError,
    Future,
    Handle,
    InvalidStateError,
    Task,
    TimeoutError,
    TimerHandle,
    all_tasks,
    as_completed,
    current_task,
    ensure_future,
    gather,
    get_event_loop,
    get_running_loop,
    iscoroutine,
    iscoroutinefunction,
    isfuture,
    new_event_loop,
    run_coroutine_threadsafe,
    set_event_loop,
    shield,
    sleep,
    wait,
    wait_for,
    wrap_future,
)
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
    from _gilsim_asyncio import create_task, run
if _gilsim.version >= (3, 9):
    from _gilsim_asyncio import to_thread
