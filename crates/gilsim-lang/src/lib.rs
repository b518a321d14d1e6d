//! gilsim's front end: compile a scenario script ([`gilsim_compiler`]) and link it with the
//! library modules it needs (`library/*.py`: the parts of `threading`, `queue` and
//! `concurrent.futures` that CPython writes in Python).
//!
//! The library modules are compiled when gilsim is built (`build.rs`), and each is
//! deserialized on first use, once per process: a run pays neither for parsing nor for
//! compiling them (they were four fifths of a short scenario's instructions).
//!
//! Invariant: a linked library module is exactly what compiling its source now would give
//! (the build compiles it with this very compiler; `tests/library.rs` checks the round trip).

mod library;

pub use gilsim_compiler::{py2, CompileError, CompileErrorKind, Dialect};
pub use library::SUPPORTED_MODULES;

use gilsim_bytecode::Program;
use library::LIBRARY;
use std::sync::OnceLock;

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
    let (mut program, imports) = gilsim_compiler::compile_script(source, filename, dialect, syntax, SUPPORTED_MODULES)?;
    let needed = library_modules_needed(imports);
    for (index, (name, _, _)) in LIBRARY.iter().enumerate() {
        if needed.contains(name) {
            let first = program.codes.len();
            program.link(name, &library_module(index).0);
            let python2 = dialect == Dialect::Python2;
            for code in &mut program.codes[first..] {
                code.flags.written_in_c = library::written_in_c(name, &code.qualname, python2);
                code.flags.builtin_function = library::presents_as_builtin_function(name, code, python2);
            }
        }
    }
    Ok(program)
}

/// The library modules a program importing `imports` needs: those, the ones they import, and
/// so on (`_gilsim_complex` for a program with complex literals, `complex` or a power); and
/// `threading` (whose natives fall back on it), `_gilsim_iter` and `_gilsim_union` (which
/// natives call) always. A run pays for loading and linking only these.
fn library_modules_needed(imports: Vec<String>) -> Vec<&'static str> {
    let mut needed: Vec<&'static str> = Vec::new();
    let mut pending = imports;
    pending.extend(["threading", "_gilsim_iter", "_gilsim_union"].map(String::from));
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

// `COMPILED_LIBRARY`: each library module of `LIBRARY`, compiled by the build script and
// serialized with postcard, in `LIBRARY`'s order.
include!(concat!(env!("OUT_DIR"), "/compiled_library.rs"));

/// Library module `index` of [`LIBRARY`] and the modules it imports, deserialized on first use
/// (once per process).
fn library_module(index: usize) -> &'static gilsim_compiler::Compiled {
    static LOADED: [OnceLock<gilsim_compiler::Compiled>; LIBRARY.len()] = [const { OnceLock::new() }; LIBRARY.len()];
    LOADED[index].get_or_init(|| {
        postcard::from_bytes(COMPILED_LIBRARY[index])
            .unwrap_or_else(|err| panic!("gilsim's compiled library module {} must load: {err}", LIBRARY[index].0))
    })
}

/// Library module `name` as the build compiled it and as compiling its source now gives
/// (for the test that they agree).
#[doc(hidden)]
pub fn library_module_both_ways(name: &str) -> Option<(gilsim_compiler::Compiled, gilsim_compiler::Compiled)> {
    let index = LIBRARY.iter().position(|(module, _, _)| *module == name)?;
    let (_, filename, source) = LIBRARY[index];
    let fresh =
        gilsim_compiler::compile_module(source, filename, &library::library_imports(), Default::default(), None)
            .unwrap_or_else(|err| panic!("gilsim's library module {name} must compile:\n{err}"));
    Some((library_module(index).clone(), fresh))
}

/// The names of the library modules, in link order.
#[doc(hidden)]
pub fn library_module_names() -> impl Iterator<Item = &'static str> {
    LIBRARY.iter().map(|(name, _, _)| *name)
}
