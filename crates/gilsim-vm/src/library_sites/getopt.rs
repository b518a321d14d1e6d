//! Sites of `getopt` (library/getopt.py), Python code in CPython too: a `GetoptError` escaping
//! `getopt()` or `gnu_getopt()` shows the call of `do_shorts`/`do_longs`, the option lookup
//! and the raise at CPython's lines (the same in 3.6-3.13). The one raise CPython writes over
//! two lines prints its last line before 3.8, its first in 3.8-3.12 and both in 3.13. 2.7's
//! frames are tabled too ([`PYTHON2_LINES`]).

use super::{Frame, Python2Line, Site};

const fn getopt(function: &'static str, source: &'static str, line: u32) -> Frame {
    Frame { file: "getopt.py", function, source, lines: [line; 8], carets_311: "", carets_313: "" }
}

const DO_SHORTS: &str = "opts, args = do_shorts(opts, args[0][1:], shortopts, args[1:])";
const DO_LONGS: &str = "opts, args = do_longs(opts, args[0][2:], longopts, args[1:])";
const SHORTS_CARETS_311: &str = "             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^";
const SHORTS_CARETS_313: &str = "             ~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^";
const LONGS_CARETS_311: &str = "             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^";
const LONGS_CARETS_313: &str = "             ~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^";

const GETOPT_SHORTS: Frame =
    Frame { carets_311: SHORTS_CARETS_311, carets_313: SHORTS_CARETS_313, ..getopt("getopt", DO_SHORTS, 95) };
const GETOPT_LONGS: Frame =
    Frame { carets_311: LONGS_CARETS_311, carets_313: LONGS_CARETS_313, ..getopt("getopt", DO_LONGS, 93) };
const GNU_SHORTS: Frame =
    Frame { carets_311: SHORTS_CARETS_311, carets_313: SHORTS_CARETS_313, ..getopt("gnu_getopt", DO_SHORTS, 138) };
const GNU_LONGS: Frame =
    Frame { carets_311: LONGS_CARETS_311, carets_313: LONGS_CARETS_313, ..getopt("gnu_getopt", DO_LONGS, 136) };

const SHORT_LOOKUP: Frame = Frame {
    carets_311: "   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    carets_313: "   ~~~~~~~~~~~~~^^^^^^^^^^^^^^^^",
    ..getopt("do_shorts", "if short_has_arg(opt, shortopts):", 195)
};
const LONG_LOOKUP: Frame = Frame {
    carets_311: "               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    carets_313: "               ~~~~~~~~~~~~~^^^^^^^^^^^^^^^",
    ..getopt("do_longs", "has_arg, opt = long_has_args(opt, longopts)", 157)
};

const SHORT_UNKNOWN: Frame =
    getopt("short_has_arg", "raise GetoptError(_('option -%s not recognized') % opt, opt)", 211);
/// gilsim's line for the raise CPython writes over two.
const SHORT_NEEDS_ARGUMENT_TEXT: &str = "raise GetoptError(_('option -%s requires argument') % opt, opt)";
const SHORT_NEEDS_ARGUMENT_BEFORE_38: Frame =
    Frame { lines: [199, 199, 0, 0, 0, 0, 0, 0], ..getopt("do_shorts", "opt)", 0) };
const SHORT_NEEDS_ARGUMENT: Frame = Frame {
    lines: [0, 0, 198, 198, 198, 198, 198, 0],
    ..getopt("do_shorts", "raise GetoptError(_('option -%s requires argument') % opt,", 0)
};
const SHORT_NEEDS_ARGUMENT_313: Frame = Frame {
    lines: [0, 0, 0, 0, 0, 0, 0, 198],
    ..getopt("do_shorts", "raise GetoptError(_('option -%s requires argument') % opt,\n                      opt)", 0)
};
const LONG_UNKNOWN: Frame =
    getopt("long_has_args", "raise GetoptError(_('option --%s not recognized') % opt, opt)", 174);
const LONG_AMBIGUOUS: Frame =
    getopt("long_has_args", "raise GetoptError(_('option --%s not a unique prefix') % opt, opt)", 184);
const LONG_NEEDS_ARGUMENT: Frame =
    getopt("do_longs", "raise GetoptError(_('option --%s requires argument') % opt, opt)", 161);
const LONG_TAKES_NO_ARGUMENT: Frame =
    getopt("do_longs", "raise GetoptError(_('option --%s must not have an argument') % opt, opt)", 164);

const fn site(function: &'static str, text: &'static str, frames: &'static [Frame]) -> Site {
    Site { module: "getopt", function, text, frames }
}

pub const SITES: &[Site] = &[
    site("getopt", DO_SHORTS, &[GETOPT_SHORTS]),
    site("getopt", DO_LONGS, &[GETOPT_LONGS]),
    site("gnu_getopt", DO_SHORTS, &[GNU_SHORTS]),
    site("gnu_getopt", DO_LONGS, &[GNU_LONGS]),
    site("do_shorts", "if short_has_arg(opt, shortopts):", &[SHORT_LOOKUP]),
    site("do_longs", "has_arg, opt = long_has_args(opt, longopts)", &[LONG_LOOKUP]),
    site("short_has_arg", SHORT_UNKNOWN.source, &[SHORT_UNKNOWN]),
    site(
        "do_shorts",
        SHORT_NEEDS_ARGUMENT_TEXT,
        &[SHORT_NEEDS_ARGUMENT_BEFORE_38, SHORT_NEEDS_ARGUMENT, SHORT_NEEDS_ARGUMENT_313],
    ),
    site("long_has_args", LONG_UNKNOWN.source, &[LONG_UNKNOWN]),
    site("long_has_args", LONG_AMBIGUOUS.source, &[LONG_AMBIGUOUS]),
    site("do_longs", LONG_NEEDS_ARGUMENT.source, &[LONG_NEEDS_ARGUMENT]),
    site("do_longs", LONG_TAKES_NO_ARGUMENT.source, &[LONG_TAKES_NO_ARGUMENT]),
];

const fn in_python2(function: &'static str, text: &'static str, source: &'static str, line: u32) -> Python2Line {
    Python2Line { function, text, source, line }
}

/// The sites' frames in 2.7's getopt.py, whose messages are not passed through `_()`.
pub(super) const PYTHON2_LINES: &[Python2Line] = &[
    in_python2("getopt", DO_LONGS, DO_LONGS, 88),
    in_python2("getopt", DO_SHORTS, DO_SHORTS, 90),
    in_python2("gnu_getopt", DO_LONGS, DO_LONGS, 131),
    in_python2("gnu_getopt", DO_SHORTS, DO_SHORTS, 133),
    in_python2("do_longs", LONG_LOOKUP.source, LONG_LOOKUP.source, 152),
    in_python2(
        "do_longs",
        LONG_NEEDS_ARGUMENT.source,
        "raise GetoptError('option --%s requires argument' % opt, opt)",
        156,
    ),
    in_python2(
        "do_longs",
        LONG_TAKES_NO_ARGUMENT.source,
        "raise GetoptError('option --%s must not have an argument' % opt, opt)",
        159,
    ),
    in_python2("long_has_args", LONG_UNKNOWN.source, "raise GetoptError('option --%s not recognized' % opt, opt)", 169),
    in_python2(
        "long_has_args",
        LONG_AMBIGUOUS.source,
        "raise GetoptError('option --%s not a unique prefix' % opt, opt)",
        179,
    ),
    in_python2("do_shorts", SHORT_LOOKUP.source, SHORT_LOOKUP.source, 190),
    in_python2("do_shorts", SHORT_NEEDS_ARGUMENT_TEXT, "opt)", 194),
    in_python2("short_has_arg", SHORT_UNKNOWN.source, "raise GetoptError('option -%s not recognized' % opt, opt)", 206),
];
