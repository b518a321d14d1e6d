//! Sites of `asyncio`'s runner (library/gilsim_asyncio_loop.py): an exception escaping the
//! coroutine given to `asyncio.run`, `asyncio.Runner.run` or `loop.run_until_complete` shows
//! runners.py's and base_events.py's frames above the coroutine's (3.11 made `asyncio.run` a
//! `Runner`, whose `run` adds a frame). `Future.result` re-raising the exception is C
//! (`_asyncio`) in CPython and shows no frame. A `TaskGroup` (library/gilsim_asyncio_tasks.py)
//! raising its tasks' errors shows taskgroups.py's `__aexit__`; `asyncio.sleep` and
//! `asyncio.wait_for` (each version's paths, 3.12's timeout block) show tasks.py's frames,
//! and an `asyncio.timeout` block's TimeoutError timeouts.py's `__aexit__`.

use super::{Frame, Site};

const RUN_BEFORE_311: Frame = Frame {
    file: "asyncio/runners.py",
    function: "run",
    source: "return loop.run_until_complete(main)",
    lines: [0, 43, 44, 44, 44, 0, 0, 0],
    carets_311: "",
    carets_313: "",
};

const RUN: Frame = Frame {
    source: "return runner.run(main)",
    lines: [0, 0, 0, 0, 0, 190, 194, 194],
    carets_311: "       ^^^^^^^^^^^^^^^^",
    carets_313: "       ~~~~~~~~~~^^^^^^",
    ..RUN_BEFORE_311
};

const RUNNER_RUN: Frame = Frame {
    source: "return self._loop.run_until_complete(task)",
    lines: [0, 0, 0, 0, 0, 118, 118, 118],
    carets_311: "       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    carets_313: "       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~^^^^^^",
    ..RUN_BEFORE_311
};

const RUN_UNTIL_COMPLETE: Frame = Frame {
    file: "asyncio/base_events.py",
    function: "run_until_complete",
    source: "return future.result()",
    lines: [488, 587, 616, 647, 649, 653, 684, 721],
    carets_311: "       ^^^^^^^^^^^^^^^",
    carets_313: "       ~~~~~~~~~~~~~^^",
};

/// A `TaskGroup`'s exit raising the group of its tasks' errors (3.11+).
const TASK_GROUP_ERRORS: Frame = Frame {
    file: "asyncio/taskgroups.py",
    function: "__aexit__",
    source: "raise me from None",
    lines: [0, 0, 0, 0, 0, 145, 145, 154],
    carets_311: "",
    carets_313: "",
};

/// A `TaskGroup`'s exit re-raising a task's `KeyboardInterrupt` or `SystemExit`.
const TASK_GROUP_BASE_ERROR: Frame =
    Frame { source: "raise self._base_error", lines: [0, 0, 0, 0, 0, 129, 129, 125], ..TASK_GROUP_ERRORS };

/// `asyncio.sleep` awaiting its future: where a cancellation reaches a sleeping task.
const SLEEP: Frame = Frame {
    file: "asyncio/tasks.py",
    function: "sleep",
    source: "return await future",
    lines: [0, 595, 659, 652, 605, 649, 665, 718],
    carets_311: "       ^^^^^^^^^^^^",
    carets_313: "       ^^^^^^^^^^^^",
};

/// `asyncio.wait_for` awaiting the awaitable itself: its `timeout=None` path, and every
/// path from 3.12 (in a `timeouts.timeout` block).
const WAIT_FOR_AWAIT: Frame = Frame {
    function: "wait_for",
    source: "return await fut",
    lines: [0, 414, 455, 442, 408, 452, 520, 507],
    carets_311: "       ^^^^^^^^^",
    carets_313: "       ^^^^^^^^^",
    ..SLEEP
};

/// `wait_for` returning the result of a task that finished (or failed) before the timeout.
const WAIT_FOR_DONE: Frame =
    Frame { source: "return fut.result()", lines: [0, 442, 494, 479, 445, 489, 0, 0], ..WAIT_FOR_RESULT };

/// `wait_for` after the timeout cancelled its task: the task's CancelledError (3.9-3.11).
const WAIT_FOR_RESULT: Frame = Frame {
    source: "return fut.result()",
    lines: [0, 0, 0, 490, 456, 500, 0, 0],
    carets_311: "       ^^^^^^^^^^^^",
    carets_313: "",
    ..WAIT_FOR_AWAIT
};

/// `wait_for`'s TimeoutError: caused by the task's CancelledError from 3.9, raised alone
/// before (3.7 names it `futures.TimeoutError`).
const WAIT_FOR_TIMEOUT: Frame = Frame {
    source: "raise exceptions.TimeoutError() from exc",
    lines: [0, 0, 0, 492, 458, 502, 0, 0],
    carets_311: "",
    ..WAIT_FOR_RESULT
};
const WAIT_FOR_TIMEOUT_38: Frame =
    Frame { source: "raise exceptions.TimeoutError()", lines: [0, 0, 501, 0, 0, 0, 0, 0], ..WAIT_FOR_TIMEOUT };
const WAIT_FOR_TIMEOUT_37: Frame =
    Frame { source: "raise futures.TimeoutError()", lines: [0, 449, 0, 0, 0, 0, 0, 0], ..WAIT_FOR_TIMEOUT };

/// `wait_for` with a timeout <= 0 (library `_wait_for_no_time`): the cancelled task's error,
/// then the TimeoutError it causes (3.9+).
const WAIT_FOR_NO_TIME_RESULT: Frame =
    Frame { lines: [0, 0, 0, 452, 418, 462, 515, 502], carets_313: "       ~~~~~~~~~~^^", ..WAIT_FOR_RESULT };
const WAIT_FOR_NO_TIME_RESULT_38: Frame =
    Frame { source: "fut.result()", lines: [0, 0, 465, 0, 0, 0, 0, 0], ..WAIT_FOR_NO_TIME_RESULT };
const WAIT_FOR_NO_TIME_TIMEOUT_311: Frame = Frame { lines: [0, 0, 467, 454, 420, 464, 0, 0], ..WAIT_FOR_TIMEOUT };
const WAIT_FOR_NO_TIME_TIMEOUT_37: Frame = Frame { lines: [0, 423, 0, 0, 0, 0, 0, 0], ..WAIT_FOR_TIMEOUT_37 };
const WAIT_FOR_NO_TIME_TIMEOUT: Frame =
    Frame { source: "raise TimeoutError from exc", lines: [0, 0, 0, 0, 0, 0, 517, 504], ..WAIT_FOR_TIMEOUT };

/// `wait_for`'s timeout block (3.12+), whose exit raises the TimeoutError.
const WAIT_FOR_BLOCK: Frame = Frame {
    source: "async with timeouts.timeout(timeout):",
    lines: [0, 0, 0, 0, 0, 0, 519, 506],
    carets_311: "",
    carets_313: "           ~~~~~~~~~~~~~~~~^^^^^^^^^",
    ..WAIT_FOR_AWAIT
};

/// `asyncio.timeout`'s exit turning the cancellation into TimeoutError (3.11+).
const TIMEOUT_EXIT: Frame = Frame {
    file: "asyncio/timeouts.py",
    function: "__aexit__",
    source: "raise TimeoutError from exc_val",
    lines: [0, 0, 0, 0, 0, 115, 115, 116],
    carets_311: "",
    carets_313: "",
};

const fn tasks(function: &'static str, text: &'static str, frames: &'static [Frame]) -> Site {
    Site { module: "_gilsim_asyncio_tasks", function, text, frames }
}

const fn site(function: &'static str, text: &'static str, frames: &'static [Frame]) -> Site {
    Site { module: "_gilsim_asyncio_loop", function, text, frames }
}

const fn task_group(text: &'static str, frames: &'static [Frame]) -> Site {
    Site { module: "_gilsim_asyncio_tasks", function: "__aexit__", text, frames }
}

/// Every site: `asyncio.run` (one frame before 3.11, its `Runner`'s two from 3.11),
/// `Runner.run`, `run_until_complete`, and a `TaskGroup`'s exit.
pub const SITES: &[Site] = &[
    site("run", "return loop.run_until_complete(main)", &[RUN_BEFORE_311, RUN, RUNNER_RUN]),
    site("run", "return self._loop.run_until_complete(task)", &[RUNNER_RUN]),
    site("run_until_complete", "return future.result()", &[RUN_UNTIL_COMPLETE]),
    task_group("raise me from None", &[TASK_GROUP_ERRORS]),
    task_group("raise self._base_error", &[TASK_GROUP_BASE_ERROR]),
    tasks("sleep", "return await future", &[SLEEP]),
    tasks("wait_for", "return await fut", &[WAIT_FOR_AWAIT]),
    tasks("wait_for", "return fut.result()  # done before the timeout", &[WAIT_FOR_DONE]),
    tasks("wait_for", "return fut.result()  # the cancelled task's error", &[WAIT_FOR_RESULT]),
    tasks("wait_for", "raise TimeoutError() from exc", &[WAIT_FOR_TIMEOUT]),
    tasks(
        "wait_for",
        "raise TimeoutError()  # before 3.9 the task's CancelledError is not its cause",
        &[WAIT_FOR_TIMEOUT_37, WAIT_FOR_TIMEOUT_38],
    ),
    tasks("wait_for", "async with _timeout_block(timeout):", &[WAIT_FOR_BLOCK]),
    tasks("_wait_for_no_time", "return fut.result()", &[WAIT_FOR_NO_TIME_RESULT_38, WAIT_FOR_NO_TIME_RESULT]),
    tasks("_wait_for_no_time", "raise TimeoutError()  # 3.7: no cause", &[WAIT_FOR_NO_TIME_TIMEOUT_37]),
    tasks(
        "_wait_for_no_time",
        "raise TimeoutError() from exc",
        &[WAIT_FOR_NO_TIME_TIMEOUT_311, WAIT_FOR_NO_TIME_TIMEOUT],
    ),
    tasks("__aexit__", "raise TimeoutError from exc_val", &[TIMEOUT_EXIT]),
];
