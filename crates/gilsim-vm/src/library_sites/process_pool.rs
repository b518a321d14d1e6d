//! Sites of `concurrent.futures.process` (library/concurrent_futures.py): a worker's
//! exception formatted in the worker process (CPython's `_ExceptionWithTraceback`, the
//! `_RemoteTraceback` cause in the executor's process) through `_process_worker` and, for
//! `map`, `_process_chunk` and its list comprehension (inlined from 3.12), and `map`'s
//! `_chain_from_iterable_of_lists` in the executor's process.

use super::{Frame, Site};

const fn process(function: &'static str, source: &'static str, lines: [u32; 8]) -> Frame {
    Frame { file: "concurrent/futures/process.py", function, source, lines, carets_311: "", carets_313: "" }
}

const WORKER_CALL: Frame = Frame {
    carets_311: "    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    ..process(
        "_process_worker",
        "r = call_item.fn(*call_item.args, **call_item.kwargs)",
        [175, 239, 239, 246, 246, 261, 263, 253],
    )
};
const CHUNK: &str = "return [fn(*args) for args in chunk]";
/// `_process_chunk` with the comprehension its own frame (to 3.11), then inlined.
const PROCESS_CHUNK: Frame = Frame {
    carets_311: "       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    ..process("_process_chunk", CHUNK, [153, 198, 198, 205, 205, 210, 0, 0])
};
const PROCESS_CHUNK_INLINED: Frame = Frame {
    carets_311: "        ^^^^^^^^^",
    carets_313: "        ~~^^^^^^^",
    ..process("_process_chunk", CHUNK, [0, 0, 0, 0, 0, 0, 212, 202])
};
const CHUNK_LISTCOMP: Frame =
    Frame { carets_311: "        ^^^^^^^^^", ..process("<listcomp>", CHUNK, [153, 198, 198, 205, 205, 210, 0, 0]) };
const CHAIN: Frame = Frame {
    carets_313: "               ^^^^^^^^",
    ..process("_chain_from_iterable_of_lists", "for element in iterable:", [366, 483, 484, 562, 575, 620, 647, 623])
};

const fn site(function: &'static str, text: &'static str, frames: &'static [Frame]) -> Site {
    Site { module: "concurrent.futures", function, text, frames }
}

/// Every site, in library/concurrent_futures.py's process pool.
pub const SITES: &[Site] = &[
    site("_process_worker", "r = fn(*args, **kwargs)", &[WORKER_CALL]),
    site("_process_chunk", CHUNK, &[PROCESS_CHUNK, PROCESS_CHUNK_INLINED]),
    site("<listcomp>", CHUNK, &[CHUNK_LISTCOMP]),
    site("_chain_from_iterable_of_lists", "for element in iterable:", &[CHAIN]),
];
