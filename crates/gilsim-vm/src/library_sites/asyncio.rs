//! Sites of `asyncio`'s runner (library/gilsim_asyncio_loop.py): an exception escaping the
//! coroutine given to `asyncio.run`, `asyncio.Runner.run` or `loop.run_until_complete` shows
//! runners.py's and base_events.py's frames above the coroutine's (3.11 made `asyncio.run` a
//! `Runner`, whose `run` adds a frame). `Future.result` re-raising the exception is C
//! (`_asyncio`) in CPython and shows no frame.

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

const fn site(function: &'static str, text: &'static str, frames: &'static [Frame]) -> Site {
    Site { module: "_gilsim_asyncio_loop", function, text, frames }
}

/// Every site: `asyncio.run` (one frame before 3.11, its `Runner`'s two from 3.11),
/// `Runner.run`, and `run_until_complete`.
pub const SITES: &[Site] = &[
    site("run", "return loop.run_until_complete(main)", &[RUN_BEFORE_311, RUN, RUNNER_RUN]),
    site("run", "return self._loop.run_until_complete(task)", &[RUNNER_RUN]),
    site("run_until_complete", "return future.result()", &[RUN_UNTIL_COMPLETE]),
];
