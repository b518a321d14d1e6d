//! Sites of `asyncio`'s runner (library/gilsim_asyncio_loop.py): an exception escaping the
//! coroutine given to `asyncio.run`, `asyncio.Runner.run` or `loop.run_until_complete` shows
//! runners.py's and base_events.py's frames above the coroutine's (3.11 made `asyncio.run` a
//! `Runner`, whose `run` adds a frame). `Future.result` re-raising the exception is C
//! (`_asyncio`) in CPython and shows no frame. A `TaskGroup` (library/gilsim_asyncio_tasks.py)
//! raising its tasks' errors shows taskgroups.py's `__aexit__`.

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
];
