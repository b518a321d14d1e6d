//! Sites of `concurrent.futures` (library/concurrent_futures.py) and `contextlib`: a future's
//! result re-raising a worker's exception, `executor.map`'s iterator, a worker's
//! initializer, and a `@contextmanager` generator's `gen.throw`.

use super::{Frame, Site};

const BASE: &str = "concurrent/futures/_base.py";

const RESULT_AT_ONCE: Frame = Frame {
    file: BASE,
    function: "result",
    source: "return self.__get_result()",
    lines: [425, 428, 437, 439, 451, 449, 449, 449],
    carets_311: "       ^^^^^^^^^^^^^^^^^^^",
    carets_313: "       ~~~~~~~~~~~~~~~~~^^",
};

const RESULT_AFTER_WAIT: Frame = Frame { lines: [432, 435, 444, 446, 458, 456, 456, 456], ..RESULT_AT_ONCE };

const GET_RESULT: Frame = Frame {
    file: BASE,
    function: "__get_result",
    source: "raise self._exception",
    lines: [384, 384, 389, 391, 403, 401, 401, 401],
    carets_311: "",
    carets_313: "",
};

const WORK_ITEM_RUN: Frame = Frame {
    file: "concurrent/futures/thread.py",
    function: "run",
    source: "result = self.fn(*self.args, **self.kwargs)",
    lines: [56, 57, 57, 58, 58, 58, 58, 58],
    carets_311: "         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    carets_313: "",
};

const ITERATOR_BEFORE_310: Frame = Frame {
    file: BASE,
    function: "result_iterator",
    source: "yield fs.pop().result()",
    lines: [586, 598, 619, 609, 0, 0, 0, 0],
    carets_311: "",
    carets_313: "",
};

const ITERATOR_TIMED_BEFORE_310: Frame = Frame {
    source: "yield fs.pop().result(end_time - time.monotonic())",
    lines: [588, 600, 621, 611, 0, 0, 0, 0],
    ..ITERATOR_BEFORE_310
};

const ITERATOR: Frame = Frame {
    file: BASE,
    function: "result_iterator",
    source: "yield _result_or_cancel(fs.pop())",
    lines: [0, 0, 0, 0, 621, 619, 619, 619],
    carets_311: "      ^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    carets_313: "      ~~~~~~~~~~~~~~~~~^^^^^^^^^^",
};

const ITERATOR_TIMED: Frame = Frame {
    source: "yield _result_or_cancel(fs.pop(), end_time - time.monotonic())",
    lines: [0, 0, 0, 0, 623, 621, 621, 621],
    carets_311: "      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    carets_313: "      ~~~~~~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    ..ITERATOR
};

const RESULT_OR_CANCEL: Frame = Frame {
    file: BASE,
    function: "_result_or_cancel",
    source: "return fut.result(timeout)",
    lines: [0, 0, 0, 0, 319, 317, 317, 317],
    carets_311: "       ^^^^^^^^^^^^^^^^^^^",
    carets_313: "       ~~~~~~~~~~^^^^^^^^^",
};

const WORKER_INITIALIZER: Frame = Frame {
    file: "concurrent/futures/thread.py",
    function: "_worker",
    source: "initializer(*initargs)",
    lines: [0, 69, 69, 72, 72, 72, 72, 72],
    carets_311: "",
    carets_313: "~~~~~~~~~~~^^^^^^^^^^^",
};

const THROW_WITH_TYPE: Frame = Frame {
    file: "contextlib.py",
    function: "__exit__",
    source: "self.gen.throw(type, value, traceback)",
    lines: [99, 130, 131, 0, 0, 0, 0, 0],
    carets_311: "",
    carets_313: "",
};

const THROW_WITH_TYP: Frame =
    Frame { source: "self.gen.throw(typ, value, traceback)", lines: [0, 0, 0, 137, 153, 158, 0, 0], ..THROW_WITH_TYPE };

const THROW_VALUE: Frame = Frame {
    source: "self.gen.throw(value)",
    lines: [0, 0, 0, 0, 0, 0, 158, 162],
    carets_313: "~~~~~~~~~~~~~~^^^^^^^",
    ..THROW_WITH_TYPE
};

const CALLBACK_AT_ONCE: Frame = Frame {
    file: BASE,
    function: "add_done_callback",
    source: "fn(self)",
    lines: [403, 404, 412, 414, 426, 424, 424, 424],
    carets_311: "",
    carets_313: "~~^^^^^^",
};

const INVOKE_CALLBACKS: Frame = Frame {
    file: BASE,
    function: "_invoke_callbacks",
    source: "callback(self)",
    lines: [324, 324, 328, 330, 342, 340, 340, 340],
    carets_311: "",
    carets_313: "~~~~~~~~^^^^^^",
};

/// Every site, in library/concurrent_futures.py and library/contextlib.py.
pub const SITES: &[Site] = &[
    Site {
        module: "contextlib",
        function: "__exit__",
        text: "self.gen.throw(value)",
        frames: &[THROW_WITH_TYPE, THROW_WITH_TYP, THROW_VALUE],
    },
    Site {
        module: "concurrent.futures",
        function: "result",
        text: "return self._get_result()",
        frames: &[RESULT_AT_ONCE],
    },
    Site { module: "concurrent.futures", function: "add_done_callback", text: "fn(self)", frames: &[CALLBACK_AT_ONCE] },
    Site {
        module: "concurrent.futures",
        function: "_invoke_callbacks",
        text: "callback(self)",
        frames: &[INVOKE_CALLBACKS],
    },
    Site {
        module: "concurrent.futures",
        function: "_worker",
        text: "initializer(*initargs)",
        frames: &[WORKER_INITIALIZER],
    },
    Site {
        module: "concurrent.futures",
        function: "result",
        text: "return self._waited_result()",
        frames: &[RESULT_AFTER_WAIT],
    },
    Site {
        module: "concurrent.futures",
        function: "_get_result",
        text: "raise self._exception",
        frames: &[GET_RESULT],
    },
    Site {
        module: "concurrent.futures",
        function: "run",
        text: "result = self.fn(*self.args, **self.kwargs)",
        frames: &[WORK_ITEM_RUN],
    },
    Site {
        module: "concurrent.futures",
        function: "__next__",
        text: "return future.result()",
        frames: &[ITERATOR_BEFORE_310, ITERATOR, RESULT_OR_CANCEL],
    },
    Site {
        module: "concurrent.futures",
        function: "__next__",
        text: "return future.result(self._end_time - time.monotonic())",
        frames: &[ITERATOR_TIMED_BEFORE_310, ITERATOR_TIMED, RESULT_OR_CANCEL],
    },
];
