//! Sites of `queue` and `threading` (library/queue.py, library/threading.py), whose classes
//! are Python code in CPython too: `queue.Empty` and `queue.Full` from `get`/`put` and their
//! `_nowait` forms, a `PriorityQueue`'s items that do not compare, `task_done` called too
//! often, a `Condition` used without its lock, a
//! `BoundedSemaphore` released too often, a broken `Barrier`; and the `Thread` methods gilsim
//! runs natively ([`NativeSite`]). Where gilsim's library has two raises of one exception in
//! one function (CPython's lines differ), the second's line carries a comment that tells them
//! apart.

use super::{Frame, NativeSite, Site};

const fn queue(function: &'static str, source: &'static str, lines: [u32; 8]) -> Frame {
    Frame { file: "queue.py", function, source, lines, carets_311: "", carets_313: "" }
}

const fn threading(function: &'static str, source: &'static str, lines: [u32; 8]) -> Frame {
    Frame { file: "threading.py", function, source, lines, carets_311: "", carets_313: "" }
}

const GET_EMPTY: Frame = queue("get", "raise Empty", [161, 167, 167, 168, 168, 168, 168, 199]);
const GET_TIMED_OUT: Frame = queue("get", "raise Empty", [172, 178, 178, 179, 179, 179, 179, 212]);
const GET_NOWAIT: Frame = Frame {
    carets_311: "       ^^^^^^^^^^^^^^^^^^^^^",
    carets_313: "       ~~~~~~~~^^^^^^^^^^^^^",
    ..queue("get_nowait", "return self.get(block=False)", [192, 198, 198, 199, 199, 199, 199, 234])
};
const PUT_FULL: Frame = queue("put", "raise Full", [130, 136, 136, 137, 137, 137, 137, 159]);
const PUT_TIMED_OUT: Frame = queue("put", "raise Full", [141, 147, 147, 148, 148, 148, 148, 172]);
const PUT_NOWAIT: Frame = Frame {
    carets_311: "       ^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    carets_313: "       ~~~~~~~~^^^^^^^^^^^^^^^^^^^",
    ..queue("put_nowait", "return self.put(item, block=False)", [184, 190, 190, 191, 191, 191, 191, 226])
};
// A `PriorityQueue` of items that do not compare (`(1, Job())` twice): heapq's C functions
// raise the TypeError under `put`/`get` and their `_put`/`_get`.
const PUT_CALLS_PUT: Frame = Frame {
    carets_313: "~~~~~~~~~^^^^^^",
    ..queue("put", "self._put(item)", [143, 149, 149, 150, 150, 150, 150, 176])
};
const HEAPPUSH: Frame = Frame {
    carets_313: "~~~~~~~~^^^^^^^^^^^^^^^^^^",
    ..queue("_put", "heappush(self.queue, item)", [227, 233, 233, 236, 236, 236, 236, 294])
};
const GET_CALLS_GET: Frame = Frame {
    carets_311: "       ^^^^^^^^^^^",
    ..queue("get", "item = self._get()", [174, 180, 180, 181, 181, 181, 181, 216])
};
const HEAPPOP: Frame = Frame {
    carets_311: "       ^^^^^^^^^^^^^^^^^^^",
    ..queue("_get", "return heappop(self.queue)", [230, 236, 236, 239, 239, 239, 239, 297])
};
const TASK_DONE: Frame =
    queue("task_done", "raise ValueError('task_done() called too many times')", [68, 74, 74, 75, 75, 75, 75, 93]);

// `join()` and `is_alive()` wait for the thread's state lock, then call `self._stop()`
// (3.6-3.12; 3.13 has no such frames).
const JOIN_WAITS: Frame =
    threading("join", "self._wait_for_tstate_lock()", [1056, 1044, 1011, 1060, 1096, 1119, 1147, 0]);
const TIMED_JOIN_WAITS: Frame = threading(
    "join",
    "self._wait_for_tstate_lock(timeout=max(timeout, 0))",
    [1060, 1048, 1015, 1064, 1100, 1123, 1151, 0],
);
const IS_ALIVE_WAITS: Frame =
    threading("is_alive", "self._wait_for_tstate_lock(False)", [1115, 1103, 1082, 1144, 1180, 1203, 1231, 0]);
const STOP_CALLED: Frame =
    threading("_wait_for_tstate_lock", "self._stop()", [1074, 1062, 1029, 1082, 1118, 1141, 1169, 0]);

const WAIT_UNACQUIRED: Frame = threading(
    "wait",
    "raise RuntimeError(\"cannot wait on un-acquired lock\")",
    [287, 288, 294, 304, 312, 319, 347, 351],
);
const NOTIFY_UNACQUIRED: Frame = threading(
    "notify",
    "raise RuntimeError(\"cannot notify on un-acquired lock\")",
    [345, 346, 352, 362, 370, 377, 405, 409],
);
const NOTIFY_ALL: Frame = Frame {
    carets_313: "~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^",
    ..threading("notify_all", "self.notify(len(self._waiters))", [364, 365, 371, 388, 396, 403, 431, 435])
};
const SEMAPHORE_NEGATIVE: Frame = threading(
    "__init__",
    "raise ValueError(\"semaphore initial value must be >= 0\")",
    [383, 384, 390, 407, 424, 431, 459, 463],
);
const RELEASED_TOO_OFTEN: Frame = threading(
    "release",
    "raise ValueError(\"Semaphore released too many times\")",
    [482, 483, 489, 511, 528, 545, 572, 576],
);
const BARRIER_ENTER: Frame = Frame {
    carets_311: "^^^^^^^^^^^^^",
    carets_313: "~~~~~~~~~~~^^",
    ..threading("wait", "self._enter() # Block while the barrier drains.", [603, 604, 610, 633, 659, 688, 714, 720])
};
const BARRIER_WAIT: Frame = Frame {
    carets_313: "~~~~~~~~~~^^^^^^^^^",
    ..threading("wait", "self._wait(timeout)", [612, 613, 619, 642, 668, 697, 723, 729])
};
const BROKEN_ON_ENTRY: Frame =
    threading("_enter", "raise BrokenBarrierError", [627, 628, 634, 657, 683, 712, 738, 744]);
const BROKEN_BY_TIMEOUT: Frame =
    threading("_wait", "raise BrokenBarrierError", [650, 651, 657, 680, 706, 735, 761, 767]);
const BROKEN_WHILE_WAITING: Frame =
    threading("_wait", "raise BrokenBarrierError", [652, 653, 659, 682, 708, 737, 763, 769]);

/// Every site, in library/queue.py and library/threading.py.
pub const SITES: &[Site] = &[
    Site { module: "queue", function: "get", text: "raise Empty", frames: &[GET_EMPTY] },
    Site { module: "queue", function: "get", text: "raise Empty  # timed out", frames: &[GET_TIMED_OUT] },
    Site { module: "queue", function: "get_nowait", text: "return self.get(block=False)", frames: &[GET_NOWAIT] },
    Site { module: "queue", function: "put", text: "raise Full", frames: &[PUT_FULL] },
    Site { module: "queue", function: "put", text: "raise Full  # timed out", frames: &[PUT_TIMED_OUT] },
    Site { module: "queue", function: "put_nowait", text: "return self.put(item, block=False)", frames: &[PUT_NOWAIT] },
    Site { module: "queue", function: "put", text: "self._put(item)", frames: &[PUT_CALLS_PUT] },
    Site { module: "queue", function: "_put", text: "heappush(self.queue, item)", frames: &[HEAPPUSH] },
    Site { module: "queue", function: "get", text: "item = self._get()", frames: &[GET_CALLS_GET] },
    Site { module: "queue", function: "_get", text: "return heappop(self.queue)", frames: &[HEAPPOP] },
    Site {
        module: "queue",
        function: "task_done",
        text: "raise ValueError(\"task_done() called too many times\")",
        frames: &[TASK_DONE],
    },
    Site {
        module: "threading",
        function: "wait",
        text: "raise RuntimeError(\"cannot wait on un-acquired lock\")",
        frames: &[WAIT_UNACQUIRED],
    },
    Site {
        module: "threading",
        function: "notify",
        text: "raise RuntimeError(\"cannot notify on un-acquired lock\")",
        frames: &[NOTIFY_UNACQUIRED],
    },
    Site {
        module: "threading",
        function: "notify_all",
        text: "self.notify(len(self._waiters))",
        frames: &[NOTIFY_ALL],
    },
    Site {
        module: "threading",
        function: "__init__",
        text: "raise ValueError(\"semaphore initial value must be >= 0\")",
        frames: &[SEMAPHORE_NEGATIVE],
    },
    Site {
        module: "threading",
        function: "release",
        text: "raise ValueError(\"Semaphore released too many times\")",
        frames: &[RELEASED_TOO_OFTEN],
    },
    Site { module: "threading", function: "_join_and_stop", text: "self._stop()", frames: &[JOIN_WAITS, STOP_CALLED] },
    Site {
        module: "threading",
        function: "_join_and_stop",
        text: "self._stop()  # after a timed join",
        frames: &[TIMED_JOIN_WAITS, STOP_CALLED],
    },
    Site {
        module: "threading",
        function: "_is_alive_and_stop",
        text: "self._stop()",
        frames: &[IS_ALIVE_WAITS, STOP_CALLED],
    },
    Site { module: "threading", function: "wait", text: "self._enter()", frames: &[BARRIER_ENTER] },
    Site { module: "threading", function: "wait", text: "self._wait(timeout)", frames: &[BARRIER_WAIT] },
    Site { module: "threading", function: "_enter", text: "raise BrokenBarrierError", frames: &[BROKEN_ON_ENTRY] },
    Site {
        module: "threading",
        function: "_wait",
        text: "raise BrokenBarrierError  # timed out",
        frames: &[BROKEN_BY_TIMEOUT],
    },
    Site { module: "threading", function: "_wait", text: "raise BrokenBarrierError", frames: &[BROKEN_WHILE_WAITING] },
];

/// A `Thread` property's `assert self._initialized, "Thread.__init__() not called"`.
const fn uninitialized(function: &'static str, lines: [u32; 8]) -> Frame {
    Frame {
        carets_313: "       ^^^^^^^^^^^^^^^^^",
        ..threading(function, "assert self._initialized, \"Thread.__init__() not called\"", lines)
    }
}

/// The frame of CPython's threading.py a native's raise stands for.
pub(super) const fn native_frame(site: NativeSite) -> Frame {
    match site {
        NativeSite::StartWithoutInit => threading(
            "start",
            "raise RuntimeError(\"thread.__init__() not called\")",
            [839, 845, 845, 891, 927, 956, 984, 964],
        ),
        NativeSite::ReprWithoutInit => Frame {
            carets_313: "       ^^^^^^^^^^^^^^^^^",
            ..threading(
                "__repr__",
                "assert self._initialized, \"Thread.__init__() was not called\"",
                [815, 821, 821, 867, 903, 932, 960, 941],
            )
        },
        NativeSite::IsAliveWithoutInit => Frame {
            carets_313: "       ^^^^^^^^^^^^^^^^^",
            ..threading(
                "is_alive",
                "assert self._initialized, \"Thread.__init__() not called\"",
                [1112, 1100, 1079, 1141, 1177, 1200, 1228, 1142],
            )
        },
        NativeSite::NameWithoutInit => uninitialized("name", [1084, 1072, 1039, 1101, 1137, 1160, 1188, 1102]),
        NativeSite::NameSetWithoutInit => uninitialized("name", [1089, 1077, 1044, 1106, 1142, 1165, 1193, 1107]),
        NativeSite::IdentWithoutInit => uninitialized("ident", [1101, 1089, 1056, 1118, 1154, 1177, 1205, 1119]),
        NativeSite::DaemonWithoutInit => uninitialized("daemon", [1133, 1128, 1107, 1159, 1195, 1218, 1246, 1157]),
        // 3.8+ (no `native_id` before).
        NativeSite::NativeIdWithoutInit => uninitialized("native_id", [0, 0, 1068, 1130, 1166, 1189, 1217, 1131]),
        NativeSite::StartedTwice => threading(
            "start",
            "raise RuntimeError(\"threads can only be started once\")",
            [842, 848, 848, 894, 930, 959, 987, 967],
        ),
        NativeSite::JoinWithoutInit => threading(
            "join",
            "raise RuntimeError(\"Thread.__init__() not called\")",
            [1049, 1037, 1004, 1053, 1089, 1112, 1140, 1081],
        ),
        NativeSite::JoinBeforeStart => threading(
            "join",
            "raise RuntimeError(\"cannot join thread before it is started\")",
            [1051, 1039, 1006, 1055, 1091, 1114, 1142, 1083],
        ),
        NativeSite::JoinCurrentThread => threading(
            "join",
            "raise RuntimeError(\"cannot join current thread\")",
            [1053, 1041, 1008, 1057, 1093, 1116, 1144, 1085],
        ),
    }
}
