//! Syntax newer than the modelled release. CPython rejects a construct its parser does not
//! know with `SyntaxError: invalid syntax`; a script run under `--python 3.9` that uses the
//! `match` statement (3.10) must fail the same way, not run. This pass finds the first such
//! construct: `match` (PEP 634, 3.10), `except*` (PEP 654, 3.11), assignment expressions (PEP 572, 3.8), positional-only
//! parameters (PEP 570, 3.8), f-string `=` (3.8) and an asynchronous comprehension inside
//! another comprehension (3.11); under `--python 2.7`, Python 3's own forms too (f-strings,
//! `nonlocal`, keyword-only parameters, starred targets, `yield from`, `async`/`await`).

use crate::error::{CompileError, CompileErrorKind, ErrorSink};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

/// The first construct in `body` that `python` (major, minor) does not have.
pub(crate) fn check(sink: &ErrorSink<'_>, body: &[Stmt], python: (u8, u8)) -> Result<(), CompileError> {
    let mut finder = Finder { python, found: None };
    finder.visit_body(body);
    match finder.found {
        None => Ok(()),
        Some((range, what, since)) => {
            let (major, minor) = python;
            let message = if what == NESTED_ASYNC_COMPREHENSION {
                // Not new syntax but a new rule: CPython before 3.11 says where it is refused.
                "asynchronous comprehension outside of an asynchronous function".to_string()
            } else {
                format!("{what} is new in Python {}.{} (this run models Python {major}.{minor})", since.0, since.1)
            };
            Err(sink.error(CompileErrorKind::Syntax, range, message, None))
        }
    }
}

const NESTED_ASYNC_COMPREHENSION: &str = "an asynchronous comprehension inside a comprehension";

struct Finder {
    python: (u8, u8),
    found: Option<(TextRange, &'static str, (u8, u8))>,
}

impl Finder {
    fn needs(&mut self, range: TextRange, what: &'static str, since: (u8, u8)) {
        if self.python < since && self.found.is_none_or(|(first, _, _)| range.start() < first.start()) {
            self.found = Some((range, what, since));
        }
    }
}

impl<'a> Visitor<'a> for Finder {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::Match(m) => self.needs(m.range, "the match statement", (3, 10)),
            Stmt::Try(t) if t.is_star => {
                let first = t.handlers.first().map_or(t.range, Ranged::range);
                self.needs(first, "the except* clause", (3, 11));
            }
            // Python 3 itself, for `--python 2.7`.
            Stmt::Nonlocal(n) => self.needs(n.range, "the nonlocal statement", (3, 0)),
            Stmt::FunctionDef(f) if f.is_async => self.needs(f.range, "async def", (3, 5)),
            Stmt::Assign(a) if a.targets.iter().any(has_starred_target) => {
                self.needs(a.range, "a starred assignment target", (3, 0));
            }
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Named(named) => self.needs(named.range, "an assignment expression (:=)", (3, 8)),
            Expr::FString(f) => self.needs(f.range, "an f-string", (3, 6)),
            Expr::YieldFrom(y) => self.needs(y.range, "yield from", (3, 3)),
            Expr::Await(a) => self.needs(a.range, "await", (3, 5)),
            _ => {}
        }
        if let Some(inner) = nested_async_comprehension(expr) {
            self.needs(inner, NESTED_ASYNC_COMPREHENSION, (3, 11));
        }
        visitor::walk_expr(self, expr);
    }

    fn visit_parameters(&mut self, parameters: &'a ast::Parameters) {
        if let Some(first) = parameters.posonlyargs.first() {
            self.needs(first.range(), "a positional-only parameter (/)", (3, 8));
        }
        if let Some(first) = parameters.kwonlyargs.first() {
            self.needs(first.range(), "a keyword-only parameter", (3, 0));
        }
        visitor::walk_parameters(self, parameters);
    }

    fn visit_interpolated_string_element(&mut self, element: &'a ast::InterpolatedStringElement) {
        if let ast::InterpolatedStringElement::Interpolation(interpolation) = element {
            if interpolation.debug_text.is_some() {
                self.needs(interpolation.range, "the = specifier in an f-string", (3, 8));
            }
        }
        visitor::walk_interpolated_string_element(self, element);
    }
}

/// `a, *rest = ...`: a starred name among the targets (a tuple or list of them).
fn has_starred_target(target: &Expr) -> bool {
    match target {
        Expr::Tuple(t) => t.elts.iter().any(|e| matches!(e, Expr::Starred(_)) || has_starred_target(e)),
        Expr::List(l) => l.elts.iter().any(|e| matches!(e, Expr::Starred(_)) || has_starred_target(e)),
        _ => false,
    }
}

/// An asynchronous comprehension in the element, conditions or later iterables of the
/// comprehension `expr` (its first iterable belongs to the enclosing scope).
fn nested_async_comprehension(expr: &Expr) -> Option<TextRange> {
    let (generators, parts): (&[ast::Comprehension], Vec<&Expr>) = match expr {
        Expr::ListComp(c) => (&c.generators, vec![&c.elt]),
        Expr::SetComp(c) => (&c.generators, vec![&c.elt]),
        Expr::Generator(c) => (&c.generators, vec![&c.elt]),
        Expr::DictComp(c) => (&c.generators, c.key.as_deref().into_iter().chain([&*c.value]).collect()),
        _ => return None,
    };
    let mut finder = AsyncComprehensionFinder { found: None };
    for (depth, generator) in generators.iter().enumerate() {
        if depth > 0 {
            finder.visit_expr(&generator.iter);
        }
        for cond in &generator.ifs {
            finder.visit_expr(cond);
        }
    }
    for part in parts {
        finder.visit_expr(part);
    }
    finder.found
}

struct AsyncComprehensionFinder {
    found: Option<TextRange>,
}

impl<'a> Visitor<'a> for AsyncComprehensionFinder {
    fn visit_expr(&mut self, expr: &'a Expr) {
        let generators = match expr {
            _ if self.found.is_some() => return,
            Expr::Lambda(_) => return,
            Expr::ListComp(c) => &c.generators,
            Expr::SetComp(c) => &c.generators,
            Expr::DictComp(c) => &c.generators,
            _ => return visitor::walk_expr(self, expr),
        };
        if generators.iter().any(|g| g.is_async) {
            self.found = Some(expr.range());
        } else {
            visitor::walk_expr(self, expr);
        }
    }
}
