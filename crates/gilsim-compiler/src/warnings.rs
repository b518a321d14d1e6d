//! The warnings CPython prints while it compiles a script, before the script runs: an identity
//! test against a literal (`x is 1`, 3.8+, Python/compile.c's `check_compare`), a call of a
//! literal (`(1, 2) (3, 4)`, 3.8+, `check_caller`), an assertion of a tuple (`assert (x, "m")`,
//! `compiler_assert`) and an invalid escape sequence in a string or bytes literal that is not
//! raw (`"\d"`, a `SyntaxWarning` from 3.12, Parser/string_parser.c's
//! `warn_invalid_escape_sequence`). They are recorded here with what each release's message
//! needs; the VM prints them per the version it runs.
//!
//! Invariant: the warnings come in CPython's order — every literal's, in the order the
//! tokenizer meets them, then the compiler's, in source order — and each literal and each
//! comparison warns at most once (of its first invalid escape, of its first `is` with a literal).

use gilsim_bytecode::CompileWarning;
use ruff_python_ast::visitor::source_order::{walk_expr, SourceOrderVisitor};
use ruff_python_ast::{self as ast, CmpOp, Expr, InterpolatedStringElement, Number, Stmt, StringFlags, UnaryOp};
use ruff_source_file::LineIndex;
use ruff_text_size::{Ranged, TextRange, TextSize};

/// The compile-time warnings of `body`, parsed from `source`.
pub fn collect(source: &str, body: &[Stmt]) -> Vec<CompileWarning> {
    let mut finder =
        Finder { source, lines: LineIndex::from_source_text(source), escapes: Vec::new(), tests: Vec::new() };
    finder.visit_body(body);
    let Finder { mut escapes, mut tests, .. } = finder;
    escapes.sort_by_key(|(at, _)| *at);
    tests.sort_by_key(|(at, _)| *at);
    escapes.into_iter().chain(tests).map(|(_, warning)| warning).collect()
}

struct Finder<'s> {
    source: &'s str,
    lines: LineIndex,
    escapes: Vec<(TextSize, CompileWarning)>,
    /// The compiler's warnings (comparisons, calls, assertions).
    tests: Vec<(TextSize, CompileWarning)>,
}

impl Finder<'_> {
    fn line(&self, at: TextSize) -> u32 {
        u32::try_from(self.lines.line_index(at).get()).unwrap_or(u32::MAX)
    }

    /// The first invalid escape of a literal's text (`range`, without prefix and quotes).
    fn check_escapes(&mut self, literal_start: TextSize, range: TextRange, bytes: bool) {
        let Some(text) = self.source.get(range.start().to_usize()..range.end().to_usize()) else { return };
        if let Some((sequence, octal)) = first_invalid_escape(text, bytes) {
            let line = self.line(literal_start);
            self.escapes.push((literal_start, CompileWarning::InvalidEscape { line, sequence, octal }));
        }
    }

    fn check_literal(&mut self, range: TextRange, flags: impl StringFlags, bytes: bool) {
        if flags.prefix().is_raw() {
            return;
        }
        let inner = TextRange::new(range.start() + flags.opener_len(), range.end() - flags.closer_len());
        self.check_escapes(range.start(), inner, bytes);
    }
}

impl<'a> SourceOrderVisitor<'a> for Finder<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::Assert(assert) = stmt {
            if matches!(&*assert.test, Expr::Tuple(t) if !t.elts.is_empty()) {
                let line = self.line(assert.start());
                self.tests.push((assert.start(), CompileWarning::AssertTuple { line }));
            }
        }
        ruff_python_ast::visitor::source_order::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Compare(compare) => {
                if let Some(warning) = identity_with_literal(compare, |at| self.line(at)) {
                    self.tests.push((compare.start(), warning));
                }
            }
            Expr::Call(call) => {
                if let Some(type_name) = called_literal_type(&call.func) {
                    let line = self.line(call.func.start());
                    let warning = CompileWarning::NotCallable { line, type_name: type_name.to_string() };
                    self.tests.push((call.func.start(), warning));
                }
            }
            _ => {}
        }
        walk_expr(self, expr);
    }

    fn visit_string_literal(&mut self, literal: &'a ast::StringLiteral) {
        self.check_literal(literal.range, literal.flags, false);
    }

    fn visit_bytes_literal(&mut self, literal: &'a ast::BytesLiteral) {
        self.check_literal(literal.range, literal.flags, true);
    }

    fn visit_f_string(&mut self, f_string: &'a ast::FString) {
        if !f_string.flags.prefix().is_raw() {
            // Each literal run between replacement fields is a token of its own (3.12).
            for element in f_string.elements.iter() {
                if let InterpolatedStringElement::Literal(literal) = element {
                    self.check_escapes(literal.start(), literal.range, false);
                }
            }
        }
        ruff_python_ast::visitor::source_order::walk_f_string(self, f_string);
    }
}

/// `x is 1`'s warning: the comparison's first `is`/`is not` with a literal operand (the left
/// one named if both are), at the line the comparison starts.
fn identity_with_literal(compare: &ast::ExprCompare, line_of: impl Fn(TextSize) -> u32) -> Option<CompileWarning> {
    let mut left = &*compare.left;
    for (op, right) in compare.ops.iter().zip(compare.comparators.iter()) {
        if matches!(op, CmpOp::Is | CmpOp::IsNot) {
            if let Some(type_name) = literal_type(left).or_else(|| literal_type(right)) {
                let negated = matches!(op, CmpOp::IsNot);
                return Some(CompileWarning::IsLiteral {
                    line: line_of(compare.start()),
                    negated,
                    type_name: type_name.to_string(),
                });
            }
        }
        left = right;
    }
    None
}

/// The type of the constant `expr` is once CPython's AST optimizer has folded it, if it is a
/// constant other than None, True, False and `...` (which `is` may test).
fn literal_type(expr: &Expr) -> Option<&'static str> {
    match expr {
        Expr::NumberLiteral(n) => Some(number_type(&n.value)),
        Expr::StringLiteral(_) => Some("str"),
        Expr::BytesLiteral(_) => Some("bytes"),
        Expr::UnaryOp(u) => match (&u.op, &*u.operand) {
            (UnaryOp::USub | UnaryOp::UAdd, Expr::NumberLiteral(n)) => Some(number_type(&n.value)),
            (UnaryOp::Invert, Expr::NumberLiteral(n)) if matches!(n.value, Number::Int(_)) => Some("int"),
            _ => None,
        },
        Expr::Tuple(t) if t.elts.iter().all(is_constant) => Some("tuple"),
        _ => None,
    }
}

/// The type of what `f(...)` calls when `f` is a constant or a display, which no call can
/// succeed on (CPython's `check_caller`).
fn called_literal_type(func: &Expr) -> Option<&'static str> {
    Some(match func {
        Expr::NoneLiteral(_) => "NoneType",
        Expr::BooleanLiteral(_) => "bool",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::List(_) | Expr::ListComp(_) => "list",
        Expr::Dict(_) | Expr::DictComp(_) => "dict",
        Expr::Set(_) | Expr::SetComp(_) => "set",
        Expr::Generator(_) => "generator",
        Expr::Tuple(_) => "tuple",
        Expr::FString(_) => "str",
        other => return literal_type(other),
    })
}

/// Whether the optimizer folds `expr` into a constant (a tuple of them is one too).
fn is_constant(expr: &Expr) -> bool {
    matches!(expr, Expr::NoneLiteral(_) | Expr::BooleanLiteral(_) | Expr::EllipsisLiteral(_))
        || literal_type(expr).is_some()
}

fn number_type(n: &Number) -> &'static str {
    match n {
        Number::Int(_) => "int",
        Number::Float(_) => "float",
        Number::Complex { .. } => "complex",
    }
}

/// The first backslash sequence of a literal's `text` that is not an escape: `\d` (its text),
/// or an octal escape past `\377` (flagged). Bytes know no `\N`, `\u` and `\U`.
fn first_invalid_escape(text: &str, bytes: bool) -> Option<(String, bool)> {
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c != '\\' {
            continue;
        }
        let Some((_, next)) = chars.next() else { break };
        match next {
            '\n' | '\r' | '\\' | '\'' | '"' | 'a' | 'b' | 'f' | 'n' | 'r' | 't' | 'v' | 'x' => {}
            'N' | 'u' | 'U' if !bytes => {}
            '0'..='7' => {
                let mut digits = String::from(next);
                while digits.len() < 3 {
                    match chars.peek() {
                        Some(&(_, d @ '0'..='7')) => {
                            digits.push(d);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                if u32::from_str_radix(&digits, 8).is_ok_and(|value| value > 0o377) {
                    return Some((text[at..at + 1 + digits.len()].to_string(), true));
                }
            }
            other => return Some((format!("\\{other}"), false)),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::first_invalid_escape;

    #[test]
    fn escapes_are_judged_as_cpython_judges_them() {
        assert_eq!(first_invalid_escape(r"a\d\q", false), Some((r"\d".into(), false)));
        assert_eq!(first_invalid_escape(r"\n\t\\\x41\101\N{DASH}\u00e9", false), None);
        assert_eq!(first_invalid_escape(r"\N{DASH}", true), Some((r"\N".into(), false)));
        assert_eq!(first_invalid_escape(r"\777", false), Some((r"\777".into(), true)));
        assert_eq!(first_invalid_escape(r"\377\8", false), Some((r"\8".into(), false)));
        assert_eq!(first_invalid_escape("\\\nnext", false), None);
    }
}
