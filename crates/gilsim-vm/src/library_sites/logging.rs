//! Sites of `logging` (library/logging.py): a record whose message does not format
//! (`log.info("value", x)`, `"%d" % "x"`) raises in `LogRecord.getMessage` under
//! `Formatter.format`, `Handler.format` and `StreamHandler.emit`, which hands it to
//! `handleError` — whose "--- Logging error ---" report shows these frames.

use super::{Frame, Python2Line, Site};

const fn logging(function: &'static str, source: &'static str, lines: [u32; 8]) -> Frame {
    Frame { file: "logging/__init__.py", function, source, lines, carets_311: "", carets_313: "" }
}

const EMIT: Frame = Frame {
    carets_311: "      ^^^^^^^^^^^^^^^^^^^",
    ..logging("emit", "msg = self.format(record)", [994, 1025, 1085, 1083, 1100, 1110, 1160, 1150])
};
const HANDLER_FORMAT: Frame = Frame {
    carets_311: "       ^^^^^^^^^^^^^^^^^^",
    carets_313: "       ~~~~~~~~~~^^^^^^^^",
    ..logging("format", "return fmt.format(record)", [840, 869, 929, 927, 943, 953, 999, 998])
};
const FORMATTER_FORMAT: Frame = Frame {
    carets_311: "                 ^^^^^^^^^^^^^^^^^^^",
    carets_313: "                 ~~~~~~~~~~~~~~~~~^^",
    ..logging("format", "record.message = record.getMessage()", [577, 608, 668, 663, 678, 687, 703, 711])
};
const GET_MESSAGE: Frame = Frame {
    carets_311: "      ~~~~^~~~~~~~~~~",
    carets_313: "      ~~~~^~~~~~~~~~~",
    ..logging("getMessage", "msg = msg % self.args", [338, 369, 373, 367, 368, 377, 392, 400])
};

const fn site(function: &'static str, text: &'static str, frames: &'static [Frame]) -> Site {
    Site { module: "logging", function, text, frames }
}

/// The sites' frames in 2.7's logging/__init__.py, whose lines are gilsim's library's.
pub(super) const PYTHON2_LINES: &[Python2Line] = &[
    same_in_python2("emit", "msg = self.format(record)", 868),
    same_in_python2("format", "return fmt.format(record)", 741),
    same_in_python2("format", "record.message = record.getMessage()", 465),
    same_in_python2("getMessage", "msg = msg % self.args", 329),
];

const fn same_in_python2(function: &'static str, text: &'static str, line: u32) -> Python2Line {
    Python2Line { function, text, source: text, line }
}

/// Every site, in library/logging.py's StreamHandler, Handler, Formatter and LogRecord.
pub const SITES: &[Site] = &[
    site("emit", "msg = self.format(record)", &[EMIT]),
    site("format", "return fmt.format(record)", &[HANDLER_FORMAT]),
    site("format", "record.message = record.getMessage()", &[FORMATTER_FORMAT]),
    site("getMessage", "msg = msg % self.args", &[GET_MESSAGE]),
];
