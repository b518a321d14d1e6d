//! Sites of `multiprocessing.pool` (library/multiprocessing_pool.py): a task's exception
//! re-raised by `map`/`starmap`/`apply`/`get`/`imap`'s `next` in the pool's process, the
//! worker's frames of the remote traceback formatted in the child (CPython's
//! `ExceptionWithTraceback`), a worker's or the result handler's `get()` failing to unpickle
//! a task or a result, and
//! `terminate()`'s check that no result is still awaited once that handler died.

use super::{Frame, Site};

const fn pool(function: &'static str, source: &'static str, lines: [u32; 8]) -> Frame {
    Frame { file: "multiprocessing/pool.py", function, source, lines, carets_311: "", carets_313: "" }
}

const WORKER_CALL: Frame = Frame {
    carets_311: "                ^^^^^^^^^^^^^^^^^^^",
    carets_313: "                ~~~~^^^^^^^^^^^^^^^",
    ..pool("worker", "result = (True, func(*args, **kwds))", [119, 121, 125, 125, 125, 125, 125, 125])
};
const MAPSTAR: Frame = Frame {
    carets_311: "       ^^^^^^^^^^^^^^^^",
    ..pool("mapstar", "return list(map(*args))", [44, 44, 48, 48, 48, 48, 48, 48])
};
const STARMAPSTAR: Frame = Frame {
    carets_311: "       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    ..pool("starmapstar", "return list(itertools.starmap(args[0], args[1]))", [47, 47, 51, 51, 51, 51, 51, 51])
};
const MAP: Frame = Frame {
    carets_311: "       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    carets_313: "       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~^^",
    ..pool(
        "map",
        "return self._map_async(func, iterable, mapstar, chunksize).get()",
        [266, 268, 364, 364, 367, 367, 367, 367],
    )
};
const STARMAP: Frame = Frame {
    carets_311: "       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    carets_313: "       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~^^",
    ..pool(
        "starmap",
        "return self._map_async(func, iterable, starmapstar, chunksize).get()",
        [274, 276, 372, 372, 375, 375, 375, 375],
    )
};
const APPLY: Frame = Frame {
    carets_311: "       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    carets_313: "       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~^^",
    ..pool("apply", "return self.apply_async(func, args, kwds).get()", [259, 261, 357, 357, 360, 360, 360, 360])
};
const GET: Frame = pool("get", "raise self._value", [644, 657, 771, 771, 774, 774, 774, 774]);
const NEXT: Frame = pool("next", "raise value", [735, 748, 868, 870, 873, 873, 873, 873]);

// A worker that cannot unpickle its task (a function the script defined after the pool
// forked): the task queue's `get` raises in the worker.
const WORKER_GET: Frame =
    Frame { carets_311: "       ^^^^^", ..pool("worker", "task = get()", [108, 110, 114, 114, 114, 114, 114, 114]) };
const QUEUE_GET: Frame = Frame {
    file: "multiprocessing/queues.py",
    function: "get",
    source: "return _ForkingPickler.loads(res)",
    lines: [337, 354, 358, 367, 367, 367, 384, 387],
    carets_311: "       ^^^^^^^^^^^^^^^^^^^^^^^^^^",
    carets_313: "       ~~~~~~~~~~~~~~~~~~~~~^^^^^",
};
const HANDLE_RESULTS_GET: Frame = Frame {
    carets_311: "       ^^^^^",
    ..pool("_handle_results", "task = get()", [463, 470, 576, 576, 579, 579, 579, 579])
};
const RECV: Frame = Frame {
    file: "multiprocessing/connection.py",
    function: "recv",
    source: "return _ForkingPickler.loads(buf.getbuffer())",
    lines: [251; 8],
    carets_311: "       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    carets_313: "       ~~~~~~~~~~~~~~~~~~~~~^^^^^^^^^^^^^^^^^",
};
const EXIT: Frame = Frame {
    carets_313: "~~~~~~~~~~~~~~^^",
    ..pool("__exit__", "self.terminate()", [611, 623, 736, 736, 739, 739, 739, 739])
};
const TERMINATE: Frame = Frame {
    carets_313: "~~~~~~~~~~~~~~~^^",
    ..pool("terminate", "self._terminate()", [541, 548, 654, 654, 657, 657, 657, 657])
};
const FINALIZE: Frame = Frame {
    file: "multiprocessing/util.py",
    function: "__call__",
    source: "res = self._callback(*self._args, **self._kwargs)",
    lines: [186, 224, 224, 224, 224, 224, 224, 216],
    carets_311: "      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    carets_313: "",
};
// `_terminate_pool`'s check: an assert in 3.6; a raise whose message line 3.7 shows, whose
// first line 3.8-3.12 show, and all of which 3.13 shows.
const NO_HANDLER_ASSERT: Frame =
    pool("_terminate_pool", "assert result_handler.is_alive() or len(cache) == 0", [573, 0, 0, 0, 0, 0, 0, 0]);
const NO_HANDLER_37: Frame =
    pool("_terminate_pool", "\"Cannot have cache with result_hander not alive\")", [0, 585, 0, 0, 0, 0, 0, 0]);
const NO_HANDLER: Frame = pool("_terminate_pool", "raise AssertionError(", [0, 0, 695, 695, 698, 698, 698, 0]);
const NO_HANDLER_313: Frame = pool(
    "_terminate_pool",
    "raise AssertionError(\n        \"Cannot have cache with result_handler not alive\")",
    [0, 0, 0, 0, 0, 0, 0, 698],
);

const fn site(function: &'static str, text: &'static str, frames: &'static [Frame]) -> Site {
    Site { module: "multiprocessing.pool", function, text, frames }
}

/// Every site, in library/multiprocessing_pool.py.
pub const SITES: &[Site] = &[
    site("worker", "result = (True, func(*args, **kwds))", &[WORKER_CALL]),
    site("worker", "task = inqueue.get()", &[WORKER_GET, QUEUE_GET]),
    site("mapstar", "return [func(item) for item in items]", &[MAPSTAR]),
    site("starmapstar", "return [func(*item) for item in items]", &[STARMAPSTAR]),
    site("map", "return self._map_async(func, iterable, mapstar, chunksize).get()", &[MAP]),
    site("starmap", "return self._map_async(func, iterable, starmapstar, chunksize).get()", &[STARMAP]),
    site("apply", "return self.apply_async(func, args, kwds).get()", &[APPLY]),
    site("get", "raise self._value", &[GET]),
    site("next", "raise value", &[NEXT]),
    site("_handle_results", "task = outqueue.get()", &[HANDLE_RESULTS_GET, RECV]),
    site("__exit__", "self.terminate()", &[EXIT]),
    site("terminate", "self._check_result_handler()", &[TERMINATE, FINALIZE]),
    site(
        "_check_result_handler",
        "assert self._result_handler.is_alive() or len(self._cache) == 0",
        &[NO_HANDLER_ASSERT],
    ),
    site(
        "_check_result_handler",
        "raise AssertionError(_NO_RESULT_HANDLER)",
        &[NO_HANDLER_37, NO_HANDLER, NO_HANDLER_313],
    ),
];
