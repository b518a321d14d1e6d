//! The subset check: walk the parsed module once and reject, with a precise message and span,
//! the first construct gilsim does not run (docs/language.md). Nothing is compiled or run
//! before this passes.

use crate::error::{CompileError, CompileErrorKind, ErrorSink};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_python_parser::ParseError;
use ruff_text_size::{Ranged, TextRange, TextSize};

/// Turn a parse error into a compile error, with a hint for Python 2 `print "x"`.
pub fn syntax_error(sink: &ErrorSink<'_>, err: &ParseError) -> CompileError {
    let line_no = sink.line_of(err.location.start());
    let line = sink.source.lines().nth(line_no.saturating_sub(1) as usize).unwrap_or("");
    let trimmed = line.trim_start();
    if python2_print(trimmed) {
        // CPython 3's words, and where the statement begins.
        let start = sink.source.lines().take(line_no.saturating_sub(1) as usize).map(|l| l.len() + 1).sum::<usize>()
            + (line.len() - trimmed.len());
        let at = TextRange::empty(TextSize::try_from(start.min(sink.source.len())).unwrap_or_default());
        let message = "Missing parentheses in call to 'print'. Did you mean print(...)?".to_string();
        let hint = "a Python 2 print statement: use print(...), or run the script with --python 2.7";
        return sink.error(CompileErrorKind::Syntax, at, message, Some(hint.to_string()));
    }
    sink.error(CompileErrorKind::Syntax, err.location, err.error.to_string(), None)
}

fn python2_print(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("print") else {
        return false;
    };
    let rest_trimmed = rest.trim_start();
    rest.starts_with([' ', '\t']) && !rest_trimmed.is_empty() && !rest_trimmed.starts_with(['(', '=', '.', '['])
}

/// Check the whole module; the first unsupported construct is the error. Returns the
/// modules it imports (`a.b` for `from a import b` too, which may import submodule `a.b`).
/// The features `from __future__ import` names (all of them mandatory in Python 3, or, as
/// `annotations`, without effect on what gilsim runs).
const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "generator_stop",
    "annotations",
];

pub(crate) fn is_future_import(import: &ast::StmtImportFrom) -> bool {
    import.level == 0 && import.module.as_ref().is_some_and(|m| m.id.as_str() == "__future__")
}

/// `from m import *`: the parser allows the star only alone.
pub(crate) fn is_star_import(import: &ast::StmtImportFrom) -> bool {
    import.names.iter().any(|alias| alias.name.id.as_str() == "*")
}

/// The names `from m import a, b as c` imports (none for a star, whose names only the run
/// knows).
pub(crate) fn named_aliases(import: &ast::StmtImportFrom) -> impl Iterator<Item = &ast::Alias> {
    import.names.iter().filter(|alias| alias.name.id.as_str() != "*")
}

/// `from __future__` imports come first (after the docstring), as CPython requires.
fn check_future_placement(sink: &ErrorSink<'_>, body: &[Stmt]) -> Result<(), CompileError> {
    let docstring = matches!(body.first(), Some(Stmt::Expr(e)) if e.value.is_string_literal_expr());
    let mut leading = body.iter().skip(usize::from(docstring));
    let mut rest = leading.by_ref().skip_while(|s| matches!(s, Stmt::ImportFrom(i) if is_future_import(i)));
    match rest.find(|s| matches!(s, Stmt::ImportFrom(i) if is_future_import(i))) {
        Some(late) => Err(sink.error(
            CompileErrorKind::Syntax,
            late.range(),
            "from __future__ imports must occur at the beginning of the file".to_string(),
            None,
        )),
        None => Ok(()),
    }
}

pub fn check(
    sink: &ErrorSink<'_>,
    body: &[Stmt],
    modules: &[&str],
    python2: bool,
) -> Result<Vec<String>, CompileError> {
    check_future_placement(sink, body)?;
    let defined = module_names(body);
    let mut checker = Checker { sink, error: None, modules, imported: Vec::new(), defined, python2, import_guarded: 0 };
    for stmt in body {
        checker.visit_stmt(stmt);
        if let Some(err) = checker.error.take() {
            return Err(err);
        }
    }
    Ok(checker.imported)
}

struct Checker<'s, 'src> {
    sink: &'s ErrorSink<'src>,
    error: Option<CompileError>,
    /// Modules this source may import.
    modules: &'s [&'s str],
    /// Modules it imports.
    imported: Vec<String>,
    /// Names the module binds itself (a script's own `compile` is not the builtin).
    defined: std::collections::BTreeSet<String>,
    /// The script is Python 2 (whose standard library has other modules).
    python2: bool,
    /// How many `try` bodies whose handlers catch an ImportError enclose the statement
    /// being checked (within the function or module running it).
    import_guarded: u32,
}

/// Whether one of `handlers` catches an ImportError: a bare `except`, or one naming
/// `ImportError`, `ModuleNotFoundError` or a base class of theirs (alone or in a tuple).
fn catches_import_error(handlers: &[ast::ExceptHandler]) -> bool {
    let catches = |name: &Expr| {
        matches!(name, Expr::Name(n) if matches!(n.id.as_str(),
            "ImportError" | "ModuleNotFoundError" | "Exception" | "BaseException" | "StandardError"))
    };
    handlers.iter().any(|handler| {
        let ast::ExceptHandler::ExceptHandler(h) = handler;
        match h.type_.as_deref() {
            None => true,
            Some(Expr::Tuple(types)) => types.elts.iter().any(catches),
            Some(other) => catches(other),
        }
    })
}

/// The names a module's top-level statements bind: functions, classes, assigned names, imports.
fn module_names(body: &[Stmt]) -> std::collections::BTreeSet<String> {
    let mut names = std::collections::BTreeSet::new();
    for stmt in body {
        match stmt {
            Stmt::FunctionDef(def) => {
                names.insert(def.name.id.to_string());
            }
            Stmt::ClassDef(class) => {
                names.insert(class.name.id.to_string());
            }
            Stmt::Assign(assign) => names.extend(assign.targets.iter().filter_map(|t| match t {
                Expr::Name(name) => Some(name.id.to_string()),
                _ => None,
            })),
            Stmt::ImportFrom(import) => {
                names.extend(named_aliases(import).map(|a| a.asname.as_ref().unwrap_or(&a.name).id.to_string()))
            }
            _ => {}
        }
    }
    names
}

/// The dict methods that change it.
const MUTATORS: &[&str] = &["update", "setdefault", "pop", "popitem", "clear", "__setitem__", "__delitem__"];

impl Checker<'_, '_> {
    /// Whether `expr` is `globals()`, the builtin's.
    fn is_globals_call(&self, expr: &Expr) -> bool {
        matches!(expr, Expr::Call(call) if call.arguments.is_empty()
            && matches!(&*call.func, Expr::Name(name) if name.id.as_str() == "globals" && !self.defined.contains("globals")))
    }

    /// The script may make complex numbers: link library/gilsim_complex.py.
    fn uses_complex(&mut self) {
        self.links(crate::compiler::COMPLEX_MODULE);
    }

    /// Link library module `module` (once).
    fn links(&mut self, module: &str) {
        if !self.imported.iter().any(|m| m == module) {
            self.imported.push(module.to_string());
        }
    }

    fn reject(&mut self, range: TextRange, what: &str, hint: Option<&str>) {
        if self.error.is_none() {
            let message = format!("{what} is not supported by gilsim");
            self.error = Some(self.sink.error(CompileErrorKind::Unsupported, range, message, hint.map(str::to_string)));
        }
    }

    fn check_module(&mut self, range: TextRange, module: &str) {
        if self.modules.contains(&module) {
            self.imported.push(module.to_string());
            return;
        }
        if self.import_guarded > 0 && !crate::stdlib_names::is_stdlib(module, self.python2) {
            // A module CPython does not have either (Python 2's `Queue` under Python 3, a
            // package not installed), imported where the script catches the error: the run
            // raises CPython's ModuleNotFoundError there.
            return;
        }
        let hint = match module {
            "Queue" => Some("Python 2's `Queue` module is called `queue` in Python 3".to_string()),
            "thread" => Some("Python 2's `thread` module is called `_thread` in Python 3".to_string()),
            "SocketServer" => Some("Python 2's `SocketServer` module is called `socketserver` in Python 3".to_string()),
            _ => Some(format!("gilsim scripts may import: {}", self.modules.join(", "))),
        };
        let what = format!("importing module `{module}`");
        self.reject(range, &what, hint.as_deref());
    }
}

impl<'a> Visitor<'a> for Checker<'_, '_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.error.is_some() {
            return;
        }
        let range = stmt.range();
        match stmt {
            Stmt::FunctionDef(def) if def.type_params.is_some() => {
                return self.reject(range, "a function with type parameters", None)
            }
            Stmt::ClassDef(class) => {
                if class.type_params.is_some() {
                    return self.reject(range, "a class with type parameters", None);
                }
                if let Some(args) = &class.arguments {
                    if args.keywords.iter().any(|k| k.arg.is_none()) {
                        return self.reject(args.range, "`**` in a class statement", None);
                    }
                    if args.args.iter().any(Expr::is_starred_expr) {
                        return self.reject(args.range, "starred base classes", None);
                    }
                }
            }
            Stmt::TypeAlias(_) => return self.reject(range, "the `type` statement", None),
            Stmt::AugAssign(assign) if assign.op == ast::Operator::Pow => self.uses_complex(),
            // The structural checks are library/gilsim_match.py's.
            Stmt::Match(_) => self.imported.push("_gilsim_match".to_string()),
            // The types of coroutines and async generators are library/gilsim_async.py's.
            Stmt::FunctionDef(def) if def.is_async => self.imported.push("_gilsim_async".to_string()),
            Stmt::IpyEscapeCommand(_) => return self.reject(range, "an IPython escape command", None),
            // `except*` matches and merges with library/gilsim_groups.py.
            Stmt::Try(t) => {
                if t.is_star {
                    self.imported.push("_gilsim_groups".to_string());
                }
                // Python 2's `except E, e:` parses as an unparenthesized tuple.
                for handler in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = handler;
                    if let Some(Expr::Tuple(types)) = h.type_.as_deref() {
                        if !t.is_star && !types.parenthesized && self.error.is_none() {
                            let message = "multiple exception types must be parenthesized".to_string();
                            self.error = Some(self.sink.error(CompileErrorKind::Syntax, types.range, message, None));
                        }
                    }
                }
                let guards = u32::from(catches_import_error(&t.handlers));
                self.import_guarded += guards;
                self.visit_body(&t.body);
                self.import_guarded -= guards;
                for handler in &t.handlers {
                    self.visit_except_handler(handler);
                }
                self.visit_body(&t.orelse);
                self.visit_body(&t.finalbody);
                return;
            }
            Stmt::Import(import) => {
                for alias in &import.names {
                    self.check_module(alias.range, alias.name.id.as_str());
                }
            }
            Stmt::ImportFrom(import) if is_future_import(import) => {
                let unknown = import.names.iter().find(|alias| !FUTURE_FEATURES.contains(&alias.name.id.as_str()));
                if let Some(alias) = unknown {
                    let message = match alias.name.id.as_str() {
                        "braces" => "not a chance".to_string(),
                        other => format!("future feature {other} is not defined"),
                    };
                    self.error = Some(self.sink.error(CompileErrorKind::Syntax, range, message, None));
                }
            }
            Stmt::ImportFrom(import) => {
                if import.level > 0 {
                    return self.reject(range, "a relative import", None);
                }
                let module = import.module.as_ref().map(|m| m.id.as_str()).unwrap_or("");
                self.check_module(range, module);
                self.imported.extend(named_aliases(import).map(|alias| format!("{module}.{}", alias.name.id)));
            }
            _ => {}
        }
        // A function's body runs later, outside the `try` that encloses its definition.
        let guarded = self.import_guarded;
        if matches!(stmt, Stmt::FunctionDef(_)) {
            self.import_guarded = 0;
        }
        visitor::walk_stmt(self, stmt);
        self.import_guarded = guarded;
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.error.is_some() {
            return;
        }
        let range = expr.range();
        match expr {
            Expr::TString(_) => return self.reject(range, "a template string (t-string)", None),
            Expr::IpyEscapeCommand(_) => return self.reject(range, "an IPython escape command", None),
            Expr::Call(call)
                if matches!(&*call.func, Expr::Attribute(attr)
                    if self.is_globals_call(&attr.value) && MUTATORS.contains(&attr.attr.id.as_str())) =>
            {
                return self.reject(range, "writing to the module's globals through `globals()`", None)
            }
            Expr::Call(call) => {
                let builtin = match &*call.func {
                    Expr::Name(name) if !self.defined.contains(name.id.as_str()) => Some(name),
                    _ => None,
                };
                if let Some(name) = builtin {
                    match name.id.as_str() {
                        // The builtin hands the call to `io.open` (the simulated files).
                        "open" => self.imported.push("io".to_string()),
                        // And this one to `_gilsim_stdin.input` (an empty standard input).
                        "input" => self.imported.push("_gilsim_stdin".to_string()),
                        // Python 2's builtin `reduce` (the front end's name for it) is functools'.
                        "_gilsim_reduce" | "_gilsim_cmp_to_key" => self.imported.push("functools".to_string()),
                        _ => {}
                    }
                    let what = match name.id.as_str() {
                        "eval" | "exec" | "compile" => Some("`eval`/`exec`/`compile`"),
                        // A module named by a literal is compiled as `import` would.
                        "__import__" => match call.arguments.args.first() {
                            Some(Expr::StringLiteral(module)) => {
                                // An empty name is the call's ValueError.
                                if !module.value.to_str().is_empty() {
                                    self.check_module(range, module.value.to_str());
                                }
                                None
                            }
                            // Not a name at all: the call's TypeError.
                            Some(arg) if arg.is_literal_expr() => None,
                            _ => Some("`__import__` of a module not named by a string literal"),
                        },
                        _ => None,
                    };
                    if let Some(what) = what {
                        return self.reject(range, what, None);
                    }
                }
            }
            // `globals()` is a copy (scope_dicts.rs in gilsim-vm): a write through it would
            // bind nothing.
            Expr::Subscript(sub) if !sub.ctx.is_load() && self.is_globals_call(&sub.value) => {
                return self.reject(range, "writing to the module's globals through `globals()`", None)
            }
            // The groups' split/subgroup/derive are library/gilsim_groups.py's.
            Expr::Name(name) if matches!(name.id.as_str(), "ExceptionGroup" | "BaseExceptionGroup") => {
                self.imported.push("_gilsim_groups".to_string())
            }
            // Complex numbers are library/gilsim_complex.py's: a literal, the built-in, and a
            // power (a negative number to a fractional power is complex).
            Expr::NumberLiteral(n) if matches!(n.value, ast::Number::Complex { .. }) => self.uses_complex(),
            Expr::Name(name) if name.id.as_str() == "pow" => self.uses_complex(),
            // `complex`, `memoryview`: classes of the library.
            Expr::Name(name) => {
                let builtin = crate::compiler::LIBRARY_BUILTINS.iter().find(|(b, _)| *b == name.id.as_str());
                if let Some((_, module)) = builtin {
                    self.links(module);
                }
            }
            Expr::BinOp(op) if op.op == ast::Operator::Pow => self.uses_complex(),
            Expr::Dict(d) if d.items.iter().any(|item| item.key.is_none()) => {}
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }
}

#[cfg(test)]
mod tests {
    use super::python2_print;

    #[test]
    fn detects_python2_print() {
        assert!(python2_print("print \"hello\""));
        assert!(python2_print("print x, y"));
        assert!(!python2_print("print(\"hello\")"));
        assert!(!python2_print("print (x)"));
        assert!(!python2_print("printer = 1"));
        assert!(!python2_print("print = 3"));
    }
}
