//! Limits on how deep a script nests, checked before anything walks it recursively, with
//! CPython's errors: more than 200 open brackets is a SyntaxError ("too many nested
//! parentheses", the tokenizer's `MAXLEVEL`); a syntax tree deeper than about 3,000 levels is
//! "RecursionError: maximum recursion depth exceeded during compilation" (the compiler's limit,
//! 3 × the recursion limit). Without them a 20,000-term `1+1+…` or 50,000 nested `[` would
//! overflow the Rust stack of the parser or the compiler.
//!
//! Invariant: [`check_source`] and [`check_tree`] never recurse; whatever passes them is at most
//! [`MAX_DEPTH`] deep, which the recursive passes after them (subset check, symbol table,
//! compiler) handle on the compile thread's stack.

use crate::error::{CompileError, CompileErrorKind, ErrorSink};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// CPython's tokenizer: at most this many brackets open at once.
pub const MAX_BRACKETS: usize = 200;

/// CPython 3.11+: the compiler gives up past about this depth (3 × 1000, less a margin for
/// the frames it starts at).
pub const MAX_DEPTH: usize = 2_996;

/// Brackets and runs of prefix operators, from the text (strings and comments skipped): both
/// nest the parser's recursion, before any tree exists to measure.
pub fn check_source(sink: &ErrorSink<'_>, source: &str) -> Result<(), CompileError> {
    let bytes = source.as_bytes();
    let mut open = 0usize;
    let mut prefix_run = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                i = skip_string(bytes, i);
                prefix_run = 0;
                continue;
            }
            b'(' | b'[' | b'{' => {
                open += 1;
                if open > MAX_BRACKETS {
                    let at = TextRange::at(TextSize::new(i as u32), TextSize::new(1));
                    return Err(sink.error(CompileErrorKind::Syntax, at, "too many nested parentheses".into(), None));
                }
            }
            b')' | b']' | b'}' => open = open.saturating_sub(1),
            b'-' | b'+' | b'~' => {
                prefix_run += 1;
                if prefix_run > MAX_DEPTH {
                    return Err(too_deep(sink, i));
                }
            }
            b' ' | b'\t' | b'\\' | b'\r' | b'\n' => {}
            _ => prefix_run = 0,
        }
        i += 1;
    }
    Ok(())
}

/// The index just past the string literal starting at `start` (or the end of the text).
fn skip_string(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let triple = bytes.get(start..start + 3) == Some(&[quote, quote, quote][..]);
    let mut i = start + if triple { 3 } else { 1 };
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' if !triple => return i,
            c if c == quote => {
                if !triple {
                    return i + 1;
                }
                if bytes.get(i..i + 3) == Some(&[quote, quote, quote][..]) {
                    return i + 3;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

fn too_deep(sink: &ErrorSink<'_>, offset: usize) -> CompileError {
    let at = TextRange::at(TextSize::new(offset as u32), TextSize::new(1));
    sink.error(
        CompileErrorKind::TooDeep,
        at,
        "RecursionError: maximum recursion depth exceeded during compilation".into(),
        None,
    )
}

/// The syntax tree's depth, measured with an explicit stack: statements and expressions
/// nested in each other (a left-leaning `1+1+…` is as deep as it is long).
pub fn check_tree(sink: &ErrorSink<'_>, body: &[Stmt]) -> Result<(), CompileError> {
    let mut work: Vec<(Node<'_>, usize)> = body.iter().map(|s| (Node::Stmt(s), 1)).collect();
    while let Some((node, depth)) = work.pop() {
        if depth > MAX_DEPTH {
            return Err(too_deep(sink, node.start()));
        }
        let mut children: Vec<Node<'_>> = Vec::new();
        match node {
            Node::Stmt(stmt) => stmt_children(stmt, &mut children),
            Node::Expr(expr) => expr_children(expr, &mut children),
        }
        work.extend(children.into_iter().map(|child| (child, depth + 1)));
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum Node<'a> {
    Stmt(&'a Stmt),
    Expr(&'a Expr),
}

impl Node<'_> {
    fn start(self) -> usize {
        let range = match self {
            Node::Stmt(s) => s.range(),
            Node::Expr(e) => e.range(),
        };
        range.start().to_usize()
    }
}

/// The statements and expressions directly inside a statement (a superset is fine: only the
/// depth matters, and every child is one level down).
fn stmt_children<'a>(stmt: &'a Stmt, out: &mut Vec<Node<'a>>) {
    let exprs = |out: &mut Vec<Node<'a>>, es: &mut dyn Iterator<Item = &'a Expr>| out.extend(es.map(Node::Expr));
    let stmts = |out: &mut Vec<Node<'a>>, ss: &'a [Stmt]| out.extend(ss.iter().map(Node::Stmt));
    match stmt {
        Stmt::FunctionDef(f) => {
            stmts(out, &f.body);
            exprs(out, &mut f.decorator_list.iter().map(|d| &d.expression));
            exprs(out, &mut f.parameters.iter_non_variadic_params().filter_map(|p| p.default.as_deref()));
        }
        Stmt::ClassDef(c) => {
            stmts(out, &c.body);
            exprs(out, &mut c.decorator_list.iter().map(|d| &d.expression));
            if let Some(arguments) = &c.arguments {
                exprs(out, &mut arguments.args.iter());
                exprs(out, &mut arguments.keywords.iter().map(|k| &k.value));
            }
        }
        Stmt::Return(r) => exprs(out, &mut r.value.as_deref().into_iter()),
        Stmt::Delete(d) => exprs(out, &mut d.targets.iter()),
        Stmt::Assign(a) => {
            exprs(out, &mut a.targets.iter());
            out.push(Node::Expr(&a.value));
        }
        Stmt::AugAssign(a) => exprs(out, &mut [&*a.target, &*a.value].into_iter()),
        Stmt::AnnAssign(a) => {
            exprs(out, &mut [&*a.target, &*a.annotation].into_iter());
            exprs(out, &mut a.value.as_deref().into_iter());
        }
        Stmt::For(f) => {
            exprs(out, &mut [&*f.target, &*f.iter].into_iter());
            stmts(out, &f.body);
            stmts(out, &f.orelse);
        }
        Stmt::While(w) => {
            out.push(Node::Expr(&w.test));
            stmts(out, &w.body);
            stmts(out, &w.orelse);
        }
        Stmt::If(i) => {
            out.push(Node::Expr(&i.test));
            stmts(out, &i.body);
            for clause in &i.elif_else_clauses {
                exprs(out, &mut clause.test.iter());
                stmts(out, &clause.body);
            }
        }
        Stmt::With(w) => {
            for item in &w.items {
                out.push(Node::Expr(&item.context_expr));
                exprs(out, &mut item.optional_vars.as_deref().into_iter());
            }
            stmts(out, &w.body);
        }
        Stmt::Raise(r) => exprs(out, &mut r.exc.as_deref().into_iter().chain(r.cause.as_deref())),
        Stmt::Try(t) => {
            stmts(out, &t.body);
            for handler in &t.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = handler;
                exprs(out, &mut h.type_.as_deref().into_iter());
                stmts(out, &h.body);
            }
            stmts(out, &t.orelse);
            stmts(out, &t.finalbody);
        }
        Stmt::Assert(a) => exprs(out, &mut std::iter::once(&*a.test).chain(a.msg.as_deref())),
        Stmt::Expr(e) => out.push(Node::Expr(&e.value)),
        Stmt::Match(m) => {
            out.push(Node::Expr(&m.subject));
            for case in &m.cases {
                exprs(out, &mut case.guard.as_deref().into_iter());
                stmts(out, &case.body);
            }
        }
        Stmt::TypeAlias(t) => out.push(Node::Expr(&t.value)),
        Stmt::Import(_)
        | Stmt::ImportFrom(_)
        | Stmt::Global(_)
        | Stmt::Nonlocal(_)
        | Stmt::Pass(_)
        | Stmt::Break(_)
        | Stmt::Continue(_)
        | Stmt::IpyEscapeCommand(_) => {}
    }
}

/// The expressions directly inside an expression.
fn expr_children<'a>(expr: &'a Expr, out: &mut Vec<Node<'a>>) {
    use ruff_python_ast::visitor::source_order::{walk_expr, SourceOrderVisitor};
    // One level only: collect the direct children instead of descending into them.
    struct Children<'a, 'o> {
        out: &'o mut Vec<Node<'a>>,
        root: bool,
    }
    impl<'a> SourceOrderVisitor<'a> for Children<'a, '_> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if self.root {
                self.root = false;
                walk_expr(self, expr);
            } else {
                self.out.push(Node::Expr(expr));
            }
        }
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            self.out.push(Node::Stmt(stmt));
        }
    }
    Children { out, root: true }.visit_expr(expr);
}
