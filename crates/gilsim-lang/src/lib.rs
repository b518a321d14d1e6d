//! gilsim's front end: parse a scenario script with `ruff_python_parser`, check that it stays
//! inside the supported subset (docs/language.md), and compile it to gilsim bytecode.
//!
//! Invariant: this is the only crate that names ruff types; everything downstream sees only
//! [`gilsim_bytecode::Program`]. No input, however malformed, panics: it yields a
//! [`CompileError`] with file, line, column and a source snippet.

mod compiler;
mod error;
mod scope;
mod subset;

pub use error::{CompileError, CompileErrorKind};

use gilsim_bytecode::Program;

/// The modules a script may import.
pub const SUPPORTED_MODULES: &[&str] = &["threading", "_thread", "time", "random", "sys", "os"];

/// Compile `source` (named `filename` in messages and tracebacks).
pub fn compile(source: &str, filename: &str) -> Result<Program, CompileError> {
    let sink = error::ErrorSink::new(source, filename);
    let parsed = match ruff_python_parser::parse_module(source) {
        Ok(parsed) => parsed,
        Err(err) => return Err(subset::syntax_error(&sink, &err)),
    };
    let module = parsed.into_syntax();
    subset::check(&sink, &module.body)?;
    compiler::compile_module(&sink, &module.body)
}
