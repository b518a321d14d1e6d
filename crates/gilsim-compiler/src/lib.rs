//! gilsim's compiler: parse one Python module with `ruff_python_parser`, check that it stays
//! inside the supported subset (docs/language.md), and compile it to gilsim bytecode. Linking
//! a script with the library modules it imports is `gilsim-lang`'s work.
//!
//! Invariant: this is the only crate that names ruff types; everything downstream sees only
//! [`gilsim_bytecode::Program`]. No input, however malformed, panics: it yields a
//! [`CompileError`] with file, line, column and a source snippet. Compiling is a pure
//! function of its arguments (`gilsim-lang` compiles its library modules at build time and
//! relies on it).

mod compiler;
mod error;
mod mangle;
mod nesting;
pub mod py2;
mod scope;
mod stdlib_names;
mod subset;
mod syntax_version;
mod warnings;

pub use error::{CompileError, CompileErrorKind};

use gilsim_bytecode::Program;
use ruff_text_size::{TextRange, TextSize};

/// The stack of the thread that compiles: the parser recurses once per level of nesting, and
/// freeing a syntax tree once per level of its depth (a 1 MB line of `1+1+…` is 500,000
/// levels). Reserved, not committed: only what a script's nesting needs is ever touched.
const COMPILE_STACK: usize = 2 << 30;

/// How a module's code behaves where Python 2 and 3 differ.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Semantics {
    /// `/` of two ints is Python 2's floor division (see [`py2`]).
    pub classic_division: bool,
    /// A `finally` block run for an exception does not handle it (Python 3's does:
    /// `sys.exc_info()` there is the exception, and one raised there gets it as context).
    pub python2: bool,
}

/// The syntax a script is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dialect {
    #[default]
    Python3,
    /// Python 3 plus the Python 2 forms of [`py2`] (`--python 2.7`).
    Python2,
}

/// A compiled module and the modules it imports (`a.b` for `from a import b` too).
pub type Compiled = (Program, Vec<String>);

/// Compile a script's `source` (named `filename` in messages and tracebacks) written in
/// `dialect`, allowed to import `modules`; with `syntax` (major, minor), no syntax newer than
/// that release (`match` under 3.9 is a syntax error). Runs on a thread of its own with
/// [`COMPILE_STACK`] of stack.
pub fn compile_script(
    source: &str,
    filename: &str,
    dialect: Dialect,
    syntax: Option<(u8, u8)>,
    modules: &[&str],
) -> Result<Compiled, CompileError> {
    on_compile_stack(|| match dialect {
        Dialect::Python3 => compile_module(source, filename, modules, Semantics::default(), syntax),
        Dialect::Python2 => {
            let rewritten = py2::rewrite(source);
            let semantics = Semantics { classic_division: rewritten.classic_division, python2: true };
            let (mut program, imports) = compile_module(&rewritten.source, filename, modules, semantics, syntax)
                .map_err(|error| {
                    // Quote the script as written, not the rewrite (its `_gilsim_print_item`).
                    let start = rewritten.original_offset(error.range.start());
                    let end = rewritten.original_offset(error.range.end()).max(start);
                    let sink = error::ErrorSink::new(source, filename);
                    sink.error(error.kind, TextRange::new(start, end), error.message, error.hint)
                })?;
            // Tracebacks quote the script as written (the rewrite keeps every line in place);
            // positions stay offsets into the rewrite.
            program.compiled_source = Some(std::mem::replace(&mut program.source, source.to_string()));
            program.modules[0].source = source.to_string();
            Ok((program, imports))
        }
    })
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

/// Compile one module, allowed to import `modules`, on the calling thread (whose stack must
/// hold the module's nesting: [`compile_script`] gives a script a deep one).
pub fn compile_module(
    source: &str,
    filename: &str,
    modules: &[&str],
    semantics: Semantics,
    syntax: Option<(u8, u8)>,
) -> Result<Compiled, CompileError> {
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
    let warnings = warnings::collect(source, &module.body);
    mangle::mangle_private_names(&mut module.body);
    let imports = subset::check(&sink, &module.body, modules, semantics.python2)?;
    let mut program = compiler::compile_module(&sink, &module.body, semantics)?;
    program.warnings = warnings;
    Ok((program, imports))
}
