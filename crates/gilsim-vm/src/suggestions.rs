//! "Did you mean" (CPython 3.10+): the name closest to a missing attribute or variable,
//! appended to the last line of a traceback report (`... has no attribute 'aquire'. Did you
//! mean: 'acquire'?`). The raising site records what is missing ([`Missing`]); unwinding
//! records the innermost frame's names; the report works the suggestion out when printed,
//! from the object's `dir()` or the frame's names, as CPython does ([`Flavor`]):
//! - 3.10 and 3.11 only in the interpreter's own report (an uncaught exception,
//!   `threading.excepthook`), in C (`Python/suggestions.c`): a `NameError` tries the code's
//!   local names, then the globals, then the builtins;
//! - 3.12's own report the same, after `self.name` in a method whose `self` has it, and
//!   with "Did you forget to import 'time'?" for a standard module's name; its traceback
//!   module (`format_exc`, `logging.exception`) in Python: the bound locals, globals and
//!   builtins at once, a stricter bound, and no question mark after the import hint;
//! - 3.13 every report as 3.12's traceback module over the C search, leaving out
//!   underscored attributes unless the name is one (or the object is the frame's `self`).
//!
//! The distance is CPython's Levenshtein distance: a case change costs 1, any other edit 2,
//! and a candidate more than a third different is never suggested.

use crate::value::{Str, Value};
use crate::{Control, Thread, Vm};
use gilsim_bytecode::CodeId;
use gilsim_core::PythonVersion;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// What an `AttributeError` or `NameError` is missing (its `name`, and `obj` for an attribute).
#[derive(Clone)]
pub struct Missing {
    /// One allocation: `hasattr` and `getattr` with a default make (and drop) one per miss.
    pub name: Box<str>,
    /// The object without the attribute; None for a variable.
    pub obj: Option<Value>,
    /// The frame the exception was raised in, recorded as it unwinds from there.
    pub frame: Option<FrameNames>,
}

/// The names of the frame an exception was raised in (its `f_locals`, and `self`).
#[derive(Clone)]
pub struct FrameNames {
    pub code: CodeId,
    /// Its bound local variables, for a missing variable (None for a module body, whose
    /// locals are its globals, and for a missing attribute).
    pub bound: Option<Vec<Str>>,
    pub self_obj: Option<Value>,
}

/// How the closest name is searched for: CPython's C search, or 3.12's Python twin, which
/// starts from the name's length as the best distance and skips names longer than 40
/// characters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Search {
    C,
    Python312,
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's `levenshtein_distance`: the cost of turning `a` into `b`, or `max_cost + 1`
/// once it must exceed `max_cost`.
fn distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the matrix, updated in place: row[i] is the cost of b[..j] to a[..i + 1].
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (j, &code) in b.iter().enumerate() {
        let mut diagonal = j * MOVE_COST;
        result = diagonal;
        let mut minimum = usize::MAX;
        for (i, &other) in a.iter().enumerate() {
            let substitute = diagonal + substitution_cost(code, other);
            diagonal = row[i];
            result = (result.min(diagonal) + MOVE_COST).min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate closest to `name` (CPython's `calculate_suggestions`), if one is close enough.
fn closest<'a>(candidates: &[&'a str], name: &str, search: Search) -> Option<&'a str> {
    let too_many = match search {
        Search::C => candidates.len() >= MAX_CANDIDATE_ITEMS,
        Search::Python312 => candidates.len() > MAX_CANDIDATE_ITEMS || name.chars().count() > MAX_STRING_SIZE,
    };
    if too_many {
        return None;
    }
    let mut best = match search {
        Search::C => usize::MAX,
        Search::Python312 => name.chars().count(),
    };
    let mut suggestion = None;
    for &candidate in candidates {
        if candidate == name {
            continue;
        }
        // No more than a third of the characters involved may change, and a candidate must
        // beat the best so far.
        let max_distance = ((name.len() + candidate.len() + 3) * MOVE_COST / 6).min(best.saturating_sub(1));
        let cost = distance(name.as_bytes(), candidate.as_bytes(), max_distance);
        if cost > max_distance {
            continue;
        }
        if suggestion.is_none() || cost < best {
            suggestion = Some(candidate);
            best = cost;
        }
    }
    suggestion
}

/// `f() got an unexpected keyword argument 'name'`, and from 3.13 the closest of the
/// function's `parameters` that could be passed by keyword (CPython's `initialize_locals`):
/// `. Did you mean 'target'?`.
pub(crate) fn unexpected_keyword(vm: &Vm, fname: &str, name: &str, parameters: &[&str]) -> String {
    let suggestion =
        if vm.options.python >= PythonVersion::new(3, 13) { closest(parameters, name, Search::C) } else { None };
    match suggestion {
        Some(close) => format!("{fname}() got an unexpected keyword argument '{name}'. Did you mean '{close}'?"),
        None => format!("{fname}() got an unexpected keyword argument '{name}'"),
    }
}

/// Whether `name` is a builtin of `version` (of those in [`BUILTINS_313`]).
fn builtin_since(name: &str, version: PythonVersion) -> bool {
    let since = match name {
        "BaseExceptionGroup" | "ExceptionGroup" => PythonVersion::new(3, 11),
        "_IncompleteInputError" | "PythonFinalizationError" => PythonVersion::new(3, 13),
        _ => PythonVersion::new(3, 10),
    };
    version >= since
}

/// Whether `name` is a standard module of `version` (`sys.stdlib_module_names`).
fn is_stdlib_module(name: &str, version: PythonVersion) -> bool {
    let only = if version >= PythonVersion::new(3, 13) { STDLIB_MODULES_ONLY_313 } else { STDLIB_MODULES_ONLY_312 };
    STDLIB_MODULES.split(' ').chain(only.split(' ')).any(|module| module == name)
}

impl Vm {
    /// Record on the exception `control` raises what it is missing: attribute `name` of
    /// `obj`, or the variable `name` (None), for the report's suggestion (3.10+).
    pub(crate) fn missing(&self, control: Control, name: &str, obj: Option<&Value>) -> Control {
        if self.options.python >= PythonVersion::new(3, 10) {
            if let Control::Raise(exc) = &control {
                if let Some(data) = crate::exceptions::exception_data(exc) {
                    data.borrow_mut().missing = Some(Missing { name: name.into(), obj: obj.cloned(), frame: None });
                }
            }
        }
        control
    }

    /// `exc` leaves `frame`, the frame it was raised in: record its `self`, and for a missing
    /// variable its bound names (an attribute's suggestion needs only `self`).
    pub(crate) fn note_raising_frame(&self, exc: &Value, frame: &crate::Frame, values: &[Value]) {
        let Some(data) = crate::exceptions::exception_data(exc) else { return };
        let mut data = data.borrow_mut();
        let Some(missing) = data.missing.as_mut().filter(|m| m.frame.is_none()) else { return };
        let code = &self.program.codes[frame.code as usize];
        let module_body = self.program.module_of(frame.code).body == frame.code;
        let local = |i: usize| values.get(i).filter(|v| !matches!(v, Value::Undefined));
        let bound = (missing.obj.is_none() && !module_body).then(|| {
            let locals = code.local_names.iter().enumerate().filter(|&(i, _)| local(i).is_some());
            let cells = code.cell_names.iter().chain(&code.free_names).zip(&frame.cells);
            let cells = cells.filter(|(_, cell)| !matches!(*cell.borrow(), Value::Undefined));
            locals.map(|(_, n)| Str::from(n.as_str())).chain(cells.map(|(n, _)| Str::from(n.as_str()))).collect()
        });
        let self_obj = code.local_names.iter().position(|n| n == "self").and_then(local).cloned();
        missing.frame = Some(FrameNames { code: frame.code, bound, self_obj });
    }

    /// What CPython appends to the last line of `exc`'s report: `. Did you mean: 'x'?`, and
    /// for a variable named as a standard module (3.12+) `. Did you forget to import 'x'?`.
    /// `interpreter`: the interpreter's own report, not the traceback module's.
    pub(crate) fn suggestion_text(&mut self, exc: &Value, interpreter: bool) -> String {
        let Some(flavor) = Flavor::of(self.options.python, interpreter) else { return String::new() };
        let Some(data) = crate::exceptions::exception_data(exc) else { return String::new() };
        let (name, obj, frame) = {
            let data = data.borrow();
            let Some(missing) = &data.missing else { return String::new() };
            (missing.name.clone(), missing.obj.clone(), missing.frame.clone())
        };
        let suggestion = match &obj {
            Some(obj) => {
                let frame_self = frame.as_ref().and_then(|f| f.self_obj.as_ref());
                self.attribute_suggestion(&name, obj, frame_self, flavor)
            }
            None => frame.and_then(|frame| self.variable_suggestion(&name, frame, flavor)),
        };
        let mut text = suggestion.as_ref().map(|s| format!(". Did you mean: '{s}'?")).unwrap_or_default();
        if obj.is_none() && flavor != Flavor::C311 && is_stdlib_module(&name, self.options.python) {
            let mark = if flavor == Flavor::Python312 { "" } else { "?" };
            let lead = if suggestion.is_some() { " Or did" } else { ". Did" };
            text.push_str(&format!("{lead} you forget to import '{name}'{mark}"));
        }
        text
    }

    /// The attribute of `obj` closest to `name`, among `dir(obj)` (3.13 leaves out the
    /// underscored ones unless `name` is one or `obj` is the raising frame's `self`).
    fn attribute_suggestion(
        &mut self,
        name: &str,
        obj: &Value,
        frame_self: Option<&Value>,
        flavor: Flavor,
    ) -> Option<String> {
        let mut scratch = Thread::scratch();
        let names = crate::dir::names_of(self, &mut scratch, obj).ok()?;
        let hide_underscored =
            flavor == Flavor::Python313 && !name.starts_with('_') && !frame_self.is_some_and(|s| s.is(obj));
        let candidates: Vec<&str> =
            names.iter().map(String::as_str).filter(|n| !(hide_underscored && n.starts_with('_'))).collect();
        closest(&candidates, name, flavor.search()).map(str::to_string)
    }

    /// The variable closest to `name` seen from `frame`: `self.name` first
    /// in a method whose `self` has it (3.12+); then the C code (3.10-3.12's own report)
    /// tries the code's local names, the module's globals and the builtins in turn, the
    /// traceback module (3.12+, and 3.13's own report) the bound locals, globals and builtins
    /// at once.
    fn variable_suggestion(&self, name: &str, frame: FrameNames, flavor: Flavor) -> Option<String> {
        let FrameNames { code, bound, self_obj } = frame;
        if flavor != Flavor::C311 {
            if let Some(Value::Instance(instance)) = &self_obj {
                if instance.attr(name).is_some() || instance.class.lookup(name).is_some() {
                    return Some(format!("self.{name}"));
                }
            }
        }
        let version = self.options.python;
        let (start, end) = self.program.module_of(code).globals;
        let globals: Vec<&str> = (start as usize..end as usize)
            .filter(|&slot| !matches!(self.interp.globals.get(slot), None | Some(Value::Undefined)))
            .map(|slot| self.program.global_names[slot].as_str())
            .collect();
        let builtins: Vec<&str> = BUILTINS_313.split(' ').filter(|b| builtin_since(b, version)).collect();
        let search = flavor.search();
        if matches!(flavor, Flavor::C311 | Flavor::C312) {
            let varnames: Vec<&str> =
                self.program.codes[code as usize].local_names.iter().map(String::as_str).collect();
            return [varnames, globals, builtins]
                .iter()
                .find_map(|names| closest(names, name, search))
                .map(str::to_string);
        }
        let locals: Vec<&str> = match &bound {
            Some(bound) => bound.iter().map(|n| &**n).collect(),
            None => globals.clone(),
        };
        let all: Vec<&str> = locals.into_iter().chain(globals).chain(builtins).collect();
        closest(&all, name, search).map(str::to_string)
    }
}

/// Which of CPython's suggestion codes a report runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flavor {
    /// 3.10 and 3.11, the interpreter's own report (`Python/suggestions.c`).
    C311,
    /// 3.12's own report: 3.11's, with `self.name` and the import hint.
    C312,
    /// 3.12's traceback module (`traceback._compute_suggestion_error`).
    Python312,
    /// 3.13, every report: the traceback module over the C search.
    Python313,
}

impl Flavor {
    fn of(version: PythonVersion, interpreter: bool) -> Option<Flavor> {
        match (version.minor, interpreter) {
            _ if version.major != 3 => None,
            (10 | 11, true) => Some(Flavor::C311),
            (12, true) => Some(Flavor::C312),
            (12, false) => Some(Flavor::Python312),
            (13.., _) => Some(Flavor::Python313),
            _ => None,
        }
    }

    fn search(self) -> Search {
        if self == Flavor::Python312 {
            Search::Python312
        } else {
            Search::C
        }
    }
}

/// `sys.stdlib_module_names` of CPython 3.12 and 3.13 ("Did you forget to import 'x'?").
const STDLIB_MODULES: &str = concat!(
    "__future__ _abc _aix_support _ast _asyncio _bisect _blake2 _bz2 _codecs _codecs_cn ",
    "_codecs_hk _codecs_iso2022 _codecs_jp _codecs_kr _codecs_tw _collections _collections_abc ",
    "_compat_pickle _compression _contextvars _csv _ctypes _curses _curses_panel _datetime _dbm ",
    "_decimal _elementtree _frozen_importlib _frozen_importlib_external _functools _gdbm _hashlib ",
    "_heapq _imp _io _json _locale _lsprof _lzma _markupbase _md5 _multibytecodec ",
    "_multiprocessing _opcode _operator _osx_support _overlapped _pickle _posixshmem ",
    "_posixsubprocess _py_abc _pydatetime _pydecimal _pyio _pylong _queue _random _scproxy _sha1 ",
    "_sha2 _sha3 _signal _sitebuiltins _socket _sqlite3 _sre _ssl _stat _statistics _string ",
    "_strptime _struct _symtable _thread _threading_local _tkinter _tokenize _tracemalloc _typing ",
    "_uuid _warnings _weakref _weakrefset _winapi _zoneinfo abc antigravity argparse array ast ",
    "asyncio atexit base64 bdb binascii bisect builtins bz2 cProfile calendar cmath cmd code ",
    "codecs codeop collections colorsys compileall concurrent configparser contextlib contextvars ",
    "copy copyreg csv ctypes curses dataclasses datetime dbm decimal difflib dis doctest email ",
    "encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ftplib ",
    "functools gc genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac ",
    "html http idlelib imaplib importlib inspect io ipaddress itertools json keyword linecache ",
    "locale logging lzma mailbox marshal math mimetypes mmap modulefinder msvcrt multiprocessing ",
    "netrc nt ntpath nturl2path numbers opcode operator optparse os pathlib pdb pickle ",
    "pickletools pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd ",
    "py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource ",
    "rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtplib ",
    "socket socketserver sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string ",
    "stringprep struct subprocess symtable sys sysconfig syslog tabnanny tarfile tempfile termios ",
    "textwrap this threading time timeit tkinter token tokenize tomllib trace traceback ",
    "tracemalloc tty turtle turtledemo types typing unicodedata unittest urllib uuid venv ",
    "warnings wave weakref webbrowser winreg winsound wsgiref xml xmlrpc zipapp zipfile zipimport ",
    "zlib zoneinfo",
);

/// The modules 3.13 removed (PEP 594) and its private ones 3.12 had.
const STDLIB_MODULES_ONLY_312: &str = concat!(
    "_crypt _msi aifc audioop cgi cgitb chunk crypt imghdr lib2to3 mailcap msilib nis nntplib ",
    "ossaudiodev pipes sndhdr spwd sunau telnetlib uu xdrlib",
);

/// The private modules 3.13 added.
const STDLIB_MODULES_ONLY_313: &str = concat!(
    "_android_support _colorize _interpchannels _interpqueues _interpreters _ios_support ",
    "_opcode_metadata _pyrepl _suggestions _sysconfig _wmi",
);

/// The builtins' names in the order of CPython 3.13's builtins dict (the order a NameError's
/// candidates are tried in, which settles ties); older releases lack a few (see [`builtin_since`]).
const BUILTINS_313: &str = concat!(
    "__name__ __doc__ __package__ __loader__ __spec__ __build_class__ __import__ abs all any ",
    "ascii bin breakpoint callable chr compile delattr dir divmod eval exec format getattr ",
    "globals hasattr hash hex id input isinstance issubclass iter aiter len locals max min next ",
    "anext oct ord pow print repr round setattr sorted sum vars None Ellipsis NotImplemented ",
    "False True bool memoryview bytearray bytes classmethod complex dict enumerate filter float ",
    "frozenset property int list map object range reversed set slice staticmethod str super tuple ",
    "type zip __debug__ BaseException BaseExceptionGroup Exception GeneratorExit ",
    "KeyboardInterrupt SystemExit ArithmeticError AssertionError AttributeError BufferError ",
    "EOFError ImportError LookupError MemoryError NameError OSError ReferenceError RuntimeError ",
    "StopAsyncIteration StopIteration SyntaxError SystemError TypeError ValueError Warning ",
    "FloatingPointError OverflowError ZeroDivisionError BytesWarning DeprecationWarning ",
    "EncodingWarning FutureWarning ImportWarning PendingDeprecationWarning ResourceWarning ",
    "RuntimeWarning SyntaxWarning UnicodeWarning UserWarning BlockingIOError ChildProcessError ",
    "ConnectionError FileExistsError FileNotFoundError InterruptedError IsADirectoryError ",
    "NotADirectoryError PermissionError ProcessLookupError TimeoutError IndentationError ",
    "_IncompleteInputError IndexError KeyError ModuleNotFoundError NotImplementedError ",
    "PythonFinalizationError RecursionError UnboundLocalError UnicodeError BrokenPipeError ",
    "ConnectionAbortedError ConnectionRefusedError ConnectionResetError TabError ",
    "UnicodeDecodeError UnicodeEncodeError UnicodeTranslateError ExceptionGroup EnvironmentError ",
    "IOError open quit exit copyright credits license help",
);

#[cfg(test)]
mod tests {
    use super::*;

    /// Distances CPython 3.12's `traceback._levenshtein_distance` gives (max cost 100).
    #[test]
    fn distances_are_cpythons() {
        let long_a = "a".repeat(41);
        let long_b = format!("{}b", "a".repeat(40));
        for (a, b, expected) in [
            ("aquire", "acquire", 2),
            ("Thred", "Thread", 2),
            ("ValueErorr", "ValueError", 4),
            ("ABC", "abc", 3),
            ("", "abc", 6),
            ("kitten", "sitting", 6),
            (long_a.as_str(), long_b.as_str(), 2),
        ] {
            assert_eq!(distance(a.as_bytes(), b.as_bytes(), 100), expected, "{a} -> {b}");
        }
        assert_eq!(distance(b"kitten", b"sitting", 3), 4, "past the bound: max + 1");
    }

    #[test]
    fn the_closest_candidate_within_a_third_wins() {
        let names = ["acquire", "locked", "release", "_at_fork_reinit"];
        assert_eq!(closest(&names, "aquire", Search::C), Some("acquire"));
        assert_eq!(closest(&names, "xyz", Search::C), None);
        // 3.12 starts from the name's length: `ab` for `ac` (distance 2) only in C (CPython
        // 3.11 and 3.13 suggest it, 3.12 does not).
        assert_eq!(closest(&["ac"], "ab", Search::C), Some("ac"));
        assert_eq!(closest(&["ac"], "ab", Search::Python312), None);
        assert_eq!(closest(&["aquire"], "aquire", Search::C), None, "the name itself is skipped");
    }

    #[test]
    fn standard_modules_are_per_release() {
        let (v312, v313) = (PythonVersion::new(3, 12), PythonVersion::new(3, 13));
        assert!(is_stdlib_module("time", v312) && is_stdlib_module("time", v313));
        assert!(is_stdlib_module("telnetlib", v312) && !is_stdlib_module("telnetlib", v313));
        assert!(!is_stdlib_module("numpy", v313));
    }
}
