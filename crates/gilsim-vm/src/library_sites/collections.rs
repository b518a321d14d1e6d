//! Sites of `collections` (library/collections.py): a namedtuple's `_replace` given a field it
//! does not have. 3.6 generated the class's methods from a template (`File "<string>"`, no
//! source line); 3.13 raises a TypeError where earlier releases raised a ValueError.

use super::{Frame, Site};

const REPLACE_FROM_TEMPLATE: Frame = Frame {
    file: "<string>",
    function: "_replace",
    source: "",
    lines: [28, 0, 0, 0, 0, 0, 0, 0],
    carets_311: "",
    carets_313: "",
};
const REPLACE_VALUE_ERROR: Frame = Frame {
    file: "collections/__init__.py",
    source: "raise ValueError(f'Got unexpected field names: {list(kwds)!r}')",
    lines: [0, 416, 413, 450, 433, 455, 460, 0],
    ..REPLACE_FROM_TEMPLATE
};
const REPLACE_TYPE_ERROR: Frame = Frame {
    source: "raise TypeError(f'Got unexpected field names: {list(kwds)!r}')",
    lines: [0, 0, 0, 0, 0, 0, 0, 460],
    ..REPLACE_VALUE_ERROR
};

pub const SITES: &[Site] = &[Site {
    module: "collections",
    function: "_replace",
    text: "raise error(\"Got unexpected field names: %r\" % list(kwds))",
    frames: &[REPLACE_FROM_TEMPLATE, REPLACE_VALUE_ERROR, REPLACE_TYPE_ERROR],
}];
