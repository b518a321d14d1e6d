//! Sites of `base64` (library/base64.py), Python code in CPython too: a decoding error
//! escaping `b64decode` (and `standard_b64decode`, `urlsafe_b64decode`, `decodebytes`, which
//! call it or binascii) shows base64.py's frames at CPython's lines — the call of
//! `binascii.a2b_base64` (with 3.11's `strict_mode`), or 3.6-3.10's own raise when
//! validating.

use super::{Frame, Site};

const B64DECODE: Frame = Frame {
    file: "base64.py",
    function: "b64decode",
    source: "return binascii.a2b_base64(s, strict_mode=validate)",
    lines: [0, 0, 0, 0, 0, 88, 88, 88],
    carets_311: "       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    carets_313: "       ~~~~~~~~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^",
};

const B64DECODE_BEFORE_311: Frame =
    Frame { source: "return binascii.a2b_base64(s)", lines: [87, 87, 87, 87, 87, 0, 0, 0], ..B64DECODE };

const B64DECODE_VALIDATE: Frame = Frame {
    source: "raise binascii.Error('Non-base64 digit found')",
    lines: [86, 86, 86, 86, 86, 0, 0, 0],
    ..B64DECODE
};

const STANDARD: Frame = Frame {
    file: "base64.py",
    function: "standard_b64decode",
    source: "return b64decode(s)",
    lines: [105, 105, 105, 105, 105, 106, 106, 106],
    carets_311: "       ^^^^^^^^^^^^",
    carets_313: "",
};

const URLSAFE: Frame =
    Frame { function: "urlsafe_b64decode", lines: [133, 133, 133, 133, 133, 134, 134, 134], ..STANDARD };

const DECODEBYTES: Frame = Frame {
    file: "base64.py",
    function: "decodebytes",
    source: "return binascii.a2b_base64(s)",
    lines: [546, 546, 546, 538, 562, 563, 554, 579],
    carets_311: "       ^^^^^^^^^^^^^^^^^^^^^^",
    carets_313: "       ~~~~~~~~~~~~~~~~~~~^^^",
};

/// Every site, in library/base64.py.
pub const SITES: &[Site] = &[
    Site {
        module: "base64",
        function: "b64decode",
        text: "return _decode_base64(data, validate)",
        frames: &[B64DECODE],
    },
    Site {
        module: "base64",
        function: "b64decode",
        text: "return _decode_base64(data, False)",
        frames: &[B64DECODE_BEFORE_311],
    },
    Site {
        module: "base64",
        function: "b64decode",
        text: "raise binascii.Error(\"Non-base64 digit found\")",
        frames: &[B64DECODE_VALIDATE],
    },
    Site { module: "base64", function: "standard_b64decode", text: "return b64decode(s)", frames: &[STANDARD] },
    Site { module: "base64", function: "urlsafe_b64decode", text: "return b64decode(s, b\"-_\")", frames: &[URLSAFE] },
    Site {
        module: "base64",
        function: "decodebytes",
        text: "return _decode_base64(_data(s), False)",
        frames: &[DECODEBYTES],
    },
];
