//! Sites of `multiprocessing.managers` (library/multiprocessing_managers.py): an exception a
//! manager's object raised for a proxy's call (`d["missing"]`, `l.pop(7)`) is raised again in
//! the caller by `BaseProxy._callmethod`, under the proxy method CPython generates with exec
//! (`File "<string>", line 2`, no source line).

use super::{Frame, Site};

const CALLMETHOD: Frame = Frame {
    file: "multiprocessing/managers.py",
    function: "_callmethod",
    source: "raise convert_to_error(kind, result)",
    lines: [772, 834, 850, 825, 833, 837, 836, 840],
    carets_311: "",
    carets_313: "",
};

/// The generated proxy method `name`.
const fn generated(name: &'static str) -> Frame {
    Frame { file: "<string>", function: name, source: "", lines: [2; 8], carets_311: "", carets_313: "" }
}

const fn site(function: &'static str, text: &'static str, frames: &'static [Frame]) -> Site {
    Site { module: "multiprocessing.managers", function, text, frames }
}

const GETITEM: &[Frame] = &[generated("__getitem__"), CALLMETHOD];
const SETITEM: &[Frame] = &[generated("__setitem__"), CALLMETHOD];
const DELITEM: &[Frame] = &[generated("__delitem__"), CALLMETHOD];
const POP: &[Frame] = &[generated("pop"), CALLMETHOD];

/// Every site, in library/multiprocessing_managers.py's DictProxy and ListProxy.
pub const SITES: &[Site] = &[
    site("__getitem__", "return _get(self._referent, key)", GETITEM),
    site("__getitem__", "return _get(self._referent, index)", GETITEM),
    site("__setitem__", "_set(self._referent, index, _gilsim.transfer(value))", SETITEM),
    site("__delitem__", "_del(self._referent, key)", DELITEM),
    site("__delitem__", "_del(self._referent, index)", DELITEM),
    site("pop", "return _call(self._referent.pop, key, *default)", POP),
    site("pop", "return _call(self._referent.pop, *index)", POP),
    site("popitem", "return _call(self._referent.popitem)", &[generated("popitem"), CALLMETHOD]),
    site("remove", "_call(self._referent.remove, value)", &[generated("remove"), CALLMETHOD]),
    site("index", "return _call(self._referent.index, value, *args)", &[generated("index"), CALLMETHOD]),
];
