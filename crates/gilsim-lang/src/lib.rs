//! gilsim's front end: parse a scenario script with `ruff_python_parser`, check that it stays
//! inside the supported subset (docs/language.md), and compile it to gilsim bytecode.
//!
//! Invariant: this is the only crate that names ruff types; everything downstream sees only
//! [`gilsim_bytecode::Program`]. No input, however malformed, panics: it yields a
//! [`CompileError`] with file, line, column and a source snippet.
//!
//! Every compiled script is linked with gilsim's library modules (`library/*.py`: the parts of
//! `threading`, `queue` and `concurrent.futures` that CPython writes in Python), compiled once
//! per process.

mod compiler;
mod error;
mod mangle;
mod nesting;
pub mod py2;
mod scope;
mod subset;
mod syntax_version;

pub use error::{CompileError, CompileErrorKind};

use gilsim_bytecode::Program;
use ruff_text_size::{TextRange, TextSize};
use std::sync::OnceLock;

/// The modules a script may import.
pub const SUPPORTED_MODULES: &[&str] = &[
    "threading",
    "_thread",
    "queue",
    "time",
    "random",
    "sys",
    "os",
    "atexit",
    "concurrent",
    "concurrent.futures",
    "logging",
    "multiprocessing",
    "multiprocessing.pool",
    "multiprocessing.managers",
    "multiprocessing.dummy",
    "hashlib",
    "textwrap",
    "weakref",
    "signal",
    "pathlib",
    "logging.handlers",
    "decimal",
    "heapq",
    "itertools",
    "functools",
    "contextlib",
    "collections",
    "math",
    "copy",
    "abc",
    "enum",
    "typing",
    "dataclasses",
    "operator",
    "string",
    "bisect",
    "statistics",
    "traceback",
    "json",
    "re",
    "io",
    "timeit",
    "datetime",
    "pprint",
    "argparse",
    "os.path",
    "sched",
    "shutil",
    "tempfile",
    "struct",
    "types",
    "gc",
    "contextvars",
    "warnings",
    "platform",
    "logging.config",
];

/// Library modules written in Python, linked in this order into the programs that import them
/// (directly or through another library module; `threading`, `_gilsim_iter` and `_gilsim_union`
/// always). Library code may also import `_gilsim`, the VM's internal helpers.
const LIBRARY: [(&str, &str, &str); 58] = [
    ("threading", "<gilsim>/threading.py", include_str!("../library/threading.py")),
    ("queue", "<gilsim>/queue.py", include_str!("../library/queue.py")),
    ("_gilsim_iter", "<gilsim>/_gilsim_iter.py", include_str!("../library/gilsim_iter.py")),
    ("concurrent.futures", "<gilsim>/concurrent/futures/__init__.py", include_str!("../library/concurrent_futures.py")),
    ("logging", "<gilsim>/logging/__init__.py", include_str!("../library/logging.py")),
    ("multiprocessing", "<gilsim>/multiprocessing/__init__.py", include_str!("../library/multiprocessing.py")),
    ("multiprocessing.pool", "<gilsim>/multiprocessing/pool.py", include_str!("../library/multiprocessing_pool.py")),
    (
        "multiprocessing.managers",
        "<gilsim>/multiprocessing/managers.py",
        include_str!("../library/multiprocessing_managers.py"),
    ),
    ("heapq", "<gilsim>/heapq.py", include_str!("../library/heapq.py")),
    ("itertools", "<gilsim>/itertools.py", include_str!("../library/itertools.py")),
    ("functools", "<gilsim>/functools.py", include_str!("../library/functools.py")),
    ("contextlib", "<gilsim>/contextlib.py", include_str!("../library/contextlib.py")),
    ("collections", "<gilsim>/collections/__init__.py", include_str!("../library/collections.py")),
    ("math", "<gilsim>/math.py", include_str!("../library/math.py")),
    ("copy", "<gilsim>/copy.py", include_str!("../library/copy.py")),
    ("abc", "<gilsim>/abc.py", include_str!("../library/abc.py")),
    ("enum", "<gilsim>/enum.py", include_str!("../library/enum.py")),
    ("typing", "<gilsim>/typing.py", include_str!("../library/typing.py")),
    ("dataclasses", "<gilsim>/dataclasses.py", include_str!("../library/dataclasses.py")),
    ("operator", "<gilsim>/operator.py", include_str!("../library/operator.py")),
    ("string", "<gilsim>/string.py", include_str!("../library/string.py")),
    ("random", "<gilsim>/random.py", include_str!("../library/random.py")),
    ("bisect", "<gilsim>/bisect.py", include_str!("../library/bisect.py")),
    ("statistics", "<gilsim>/statistics.py", include_str!("../library/statistics.py")),
    ("traceback", "<gilsim>/traceback.py", include_str!("../library/traceback.py")),
    ("json", "<gilsim>/json/__init__.py", include_str!("../library/json.py")),
    ("re", "<gilsim>/re/__init__.py", include_str!("../library/re.py")),
    ("sys", "<gilsim>/sys.py", include_str!("../library/sys.py")),
    ("io", "<gilsim>/io.py", include_str!("../library/io.py")),
    ("timeit", "<gilsim>/timeit.py", include_str!("../library/timeit.py")),
    ("time", "<gilsim>/time.py", include_str!("../library/time.py")),
    ("datetime", "<gilsim>/datetime.py", include_str!("../library/datetime.py")),
    ("pprint", "<gilsim>/pprint.py", include_str!("../library/pprint.py")),
    (
        "multiprocessing.dummy",
        "<gilsim>/multiprocessing/dummy/__init__.py",
        include_str!("../library/multiprocessing_dummy.py"),
    ),
    ("argparse", "<gilsim>/argparse.py", include_str!("../library/argparse.py")),
    ("hashlib", "<gilsim>/hashlib.py", include_str!("../library/hashlib.py")),
    ("textwrap", "<gilsim>/textwrap.py", include_str!("../library/textwrap.py")),
    ("weakref", "<gilsim>/weakref.py", include_str!("../library/weakref.py")),
    ("signal", "<gilsim>/signal.py", include_str!("../library/signal.py")),
    ("pathlib", "<gilsim>/pathlib.py", include_str!("../library/pathlib.py")),
    ("logging.handlers", "<gilsim>/logging/handlers.py", include_str!("../library/logging_handlers.py")),
    ("decimal", "<gilsim>/decimal.py", include_str!("../library/decimal.py")),
    ("os", "<gilsim>/os.py", include_str!("../library/os.py")),
    ("os.path", "<gilsim>/posixpath.py", include_str!("../library/os_path.py")),
    ("_strptime", "<gilsim>/_strptime.py", include_str!("../library/strptime.py")),
    ("sched", "<gilsim>/sched.py", include_str!("../library/sched.py")),
    ("shutil", "<gilsim>/shutil.py", include_str!("../library/shutil.py")),
    ("tempfile", "<gilsim>/tempfile.py", include_str!("../library/tempfile.py")),
    ("struct", "<gilsim>/struct.py", include_str!("../library/struct.py")),
    ("_gilsim_match", "<gilsim>/_gilsim_match.py", include_str!("../library/gilsim_match.py")),
    ("types", "<gilsim>/types.py", include_str!("../library/types.py")),
    ("_gilsim_union", "<gilsim>/_gilsim_union.py", include_str!("../library/gilsim_union.py")),
    ("gc", "<gilsim>/gc.py", include_str!("../library/gc.py")),
    ("contextvars", "<gilsim>/contextvars.py", include_str!("../library/contextvars.py")),
    ("warnings", "<gilsim>/warnings.py", include_str!("../library/warnings.py")),
    ("platform", "<gilsim>/platform.py", include_str!("../library/platform.py")),
    ("logging.config", "<gilsim>/logging/config.py", include_str!("../library/logging_config.py")),
    ("_gilsim_stdin", "<gilsim>/_gilsim_stdin.py", include_str!("../library/gilsim_stdin.py")),
];

/// The stack of the thread that compiles: the parser recurses once per level of nesting, and
/// freeing a syntax tree once per level of its depth (a 1 MB line of `1+1+…` is 500,000
/// levels). Reserved, not committed: only what a script's nesting needs is ever touched.
const COMPILE_STACK: usize = 2 << 30;

/// The syntax a script is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dialect {
    #[default]
    Python3,
    /// Python 3 plus the Python 2 forms of [`py2`] (`--python 2.7`).
    Python2,
}

/// Compile `source` (named `filename` in messages and tracebacks).
pub fn compile(source: &str, filename: &str) -> Result<Program, CompileError> {
    compile_as(source, filename, Dialect::Python3)
}

/// Compile `source` written in `dialect`, in the newest syntax.
pub fn compile_as(source: &str, filename: &str, dialect: Dialect) -> Result<Program, CompileError> {
    compile_with(source, filename, dialect, None)
}

/// Compile `source` as CPython `python` (major, minor) would: Python 2's forms for 2.7, and
/// no syntax newer than the release (`match` under 3.9 is a syntax error).
pub fn compile_for(source: &str, filename: &str, python: (u8, u8)) -> Result<Program, CompileError> {
    let dialect = if python.0 == 2 { Dialect::Python2 } else { Dialect::Python3 };
    compile_with(source, filename, dialect, Some(python))
}

fn compile_with(
    source: &str,
    filename: &str,
    dialect: Dialect,
    syntax: Option<(u8, u8)>,
) -> Result<Program, CompileError> {
    let program = on_compile_stack(|| match dialect {
        Dialect::Python3 => compile_single(source, filename, SUPPORTED_MODULES, false, syntax),
        Dialect::Python2 => {
            let rewritten = py2::rewrite(source);
            let (mut program, imports) =
                compile_single(&rewritten.source, filename, SUPPORTED_MODULES, rewritten.classic_division, syntax)?;
            // Tracebacks quote the script as written (the rewrite keeps every line in place);
            // positions stay offsets into the rewrite.
            program.compiled_source = Some(std::mem::replace(&mut program.source, source.to_string()));
            program.modules[0].source = source.to_string();
            Ok((program, imports))
        }
    })?;
    let (mut program, imports) = program;
    let needed = library_modules_needed(imports);
    for (index, (name, _, _)) in LIBRARY.iter().enumerate() {
        if needed.contains(name) {
            program.link(name, library_module(index).0.clone());
        }
    }
    Ok(program)
}

/// The library modules a program importing `imports` needs: those, the ones they import, and
/// so on; `threading` (whose natives fall back on it), `_gilsim_iter` and `_gilsim_union` (which
/// natives call) always. A run pays for compiling and linking only these.
fn library_modules_needed(imports: Vec<String>) -> Vec<&'static str> {
    let mut needed: Vec<&'static str> = Vec::new();
    let mut pending = imports;
    pending.extend(["threading".to_string(), "_gilsim_iter".to_string(), "_gilsim_union".to_string()]);
    while let Some(name) = pending.pop() {
        let Some(index) = LIBRARY.iter().position(|(module, _, _)| *module == name) else { continue };
        if needed.contains(&LIBRARY[index].0) {
            continue;
        }
        needed.push(LIBRARY[index].0);
        pending.extend(library_module(index).1.iter().cloned());
    }
    needed
}

/// Run `f` on a thread with [`COMPILE_STACK`] of stack.
fn on_compile_stack<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    std::thread::scope(|scope| {
        let thread = std::thread::Builder::new().name("gilsim-compile".into()).stack_size(COMPILE_STACK);
        match thread.spawn_scoped(scope, f) {
            Ok(handle) => handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            // No thread could be made (a limit of the host): compile here.
            Err(_) => unreachable_thread(),
        }
    })
}

#[cold]
fn unreachable_thread() -> ! {
    panic!(
        "gilsim could not start its compile thread (the host refused a thread with a {} MiB stack)",
        COMPILE_STACK >> 20
    )
}

/// Compile one module; with it, the modules it imports.
fn compile_single(
    source: &str,
    filename: &str,
    modules: &[&str],
    classic_division: bool,
    syntax: Option<(u8, u8)>,
) -> Result<(Program, Vec<String>), CompileError> {
    let sink = error::ErrorSink::new(source, filename);
    if let Some(at) = source.find('\0') {
        let at = TextRange::empty(TextSize::try_from(at).unwrap_or_default());
        let message = "source code cannot contain null bytes".to_string();
        return Err(sink.error(CompileErrorKind::Syntax, at, message, None));
    }
    nesting::check_source(&sink, source)?;
    let parsed = match ruff_python_parser::parse_module(source) {
        Ok(parsed) => parsed,
        Err(err) => return Err(subset::syntax_error(&sink, &err)),
    };
    let mut module = parsed.into_syntax();
    nesting::check_tree(&sink, &module.body)?;
    if let Some(python) = syntax {
        syntax_version::check(&sink, &module.body, python)?;
    }
    mangle::mangle_private_names(&mut module.body);
    let imports = subset::check(&sink, &module.body, modules)?;
    Ok((compiler::compile_module(&sink, &module.body, classic_division)?, imports))
}

/// Library module `index` of [`LIBRARY`] and the modules it imports, compiled on first use
/// (once per process).
fn library_module(index: usize) -> &'static (Program, Vec<String>) {
    static COMPILED: [OnceLock<(Program, Vec<String>)>; LIBRARY.len()] = [const { OnceLock::new() }; LIBRARY.len()];
    COMPILED[index].get_or_init(|| {
        let (name, filename, source) = LIBRARY[index];
        let mut modules = SUPPORTED_MODULES.to_vec();
        modules.push("_gilsim");
        modules.extend(LIBRARY.iter().map(|(name, _, _)| *name));
        compile_single(source, filename, &modules, false, None)
            .unwrap_or_else(|err| panic!("gilsim's library module {name} must compile:\n{err}"))
    })
}
