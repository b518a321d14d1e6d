//! Source positions of instructions, as CPython 3.11's compiler assigns them: an instruction
//! is at the expression node that emitted it (a `BINARY_OP` at its `a / b`, a `CALL` at its
//! `f(x)`, an attribute load at `obj.name`), statement-level instructions at the statement.
//! Tracebacks take their line from it (3.8+), and from 3.11 their carets (`~~~^~~`), whose
//! anchors — the operator of a binary operation, the brackets of a subscript, the arguments
//! of a call — are found here as `Python/traceback.c` (`extract_anchors_from_line`) finds them.

use super::{CResult, Compiler};
use gilsim_bytecode::{AnchorKind, Anchors, AtStatement, Instr, Position};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

impl<'s, 'src, 'a> Compiler<'s, 'src, 'a> {
    /// The position of `range`, with `anchors`.
    pub(super) fn position_of(&self, range: TextRange, anchors: Option<Anchors>) -> Position {
        let (start, end) = (range.start().to_u32(), range.end().to_u32());
        Position { start, end, legacy: start, anchors, whole_statement_call: false, at_statement: AtStatement::Never }
    }

    /// Call a `with` item's `__exit__` (and await it, for `async with`) where CPython puts
    /// the call: from 3.10 at the statement, 3.13 at the item's context expression with its
    /// carets; before, at the instruction compiled before it (see [`AtStatement::WithExit`]).
    /// `legacy`, unused for these (3.6 and 3.7 take the line before too), holds the
    /// statement's start for 3.10-3.12.
    pub(super) fn emit_with_exit(&mut self, with: &ast::StmtWith, context_expr: &Expr, exceptional: bool) {
        let mut position = self.position_of(context_expr.range(), self.anchors_of(context_expr));
        position.at_statement = AtStatement::WithExit;
        let unit = self.unit();
        let saved = std::mem::replace(&mut unit.position, position);
        let legacy = std::mem::replace(&mut unit.legacy, with.range.start().to_u32());
        self.emit(Instr::WithExit { exceptional });
        if with.is_async {
            self.emit_await();
        }
        let unit = self.unit();
        unit.position = saved;
        unit.legacy = legacy;
    }

    /// Emit `instr` at the current position, which CPython 3.13 moved to `expr` (with its
    /// anchors): see [`gilsim_bytecode::CodeObject::positions_moved`].
    pub(super) fn emit_moved_in_313(&mut self, instr: Instr, expr: &Expr) -> usize {
        let position = self.position_of(expr.range(), self.anchors_of(expr));
        self.emit_moved(instr, 13, position)
    }

    /// Emit `instr` at the current position, which CPython 3.`since` moved to `position`.
    pub(super) fn emit_moved(&mut self, instr: Instr, since: u8, position: Position) -> usize {
        let at = self.emit(instr);
        let unit = self.unit();
        unit.code.positions_moved.push((at as u32, since, Position { legacy: unit.legacy, ..position }));
        at
    }

    /// Run `f` with the instructions it emits at `expr`'s position.
    pub(super) fn at_expr(&mut self, expr: &Expr, f: impl FnOnce(&mut Self) -> CResult) -> CResult {
        let position = self.position_of(self.node_range(expr), self.anchors_of(expr));
        self.at_position(position, f)
    }

    /// The source range CPython gives `expr`: a generator expression that is a call's sole
    /// argument, `sum(x for x in xs)`, spans the call's parentheses.
    pub(super) fn node_range(&self, expr: &Expr) -> TextRange {
        let range = expr.range();
        let Expr::Generator(generator) = expr else { return range };
        if generator.parenthesized {
            return range;
        }
        let source = self.sink.source;
        let before = source.get(..range.start().to_usize()).unwrap_or("").trim_end();
        let after = source.get(range.end().to_usize()..).unwrap_or("");
        let after_len = after.len() - after.trim_start().len();
        if !before.ends_with('(') || !after[after_len..].starts_with(')') {
            return range;
        }
        let start = TextSize::new(before.len() as u32 - 1);
        TextRange::new(start, range.end() + TextSize::new(after_len as u32 + 1))
    }

    /// Run `f` with its instructions at `expr`, except in the versions `at_statement` names.
    pub(super) fn at_expr_except(
        &mut self,
        expr: &Expr,
        at_statement: AtStatement,
        f: impl FnOnce(&mut Self) -> CResult,
    ) -> CResult {
        let mut position = self.position_of(expr.range(), None);
        position.at_statement = at_statement;
        self.at_position(position, f)
    }

    /// Run `f` at `expr` with its anchors from 3.13 on, at the statement before: a `for`
    /// loop's `iter()` of its iterable, a `with` item's `__enter__` lookup.
    pub(super) fn at_expr_from313(&mut self, expr: &Expr, f: impl FnOnce(&mut Self) -> CResult) -> CResult {
        let mut position = self.position_of(expr.range(), self.anchors_of(expr));
        position.at_statement = AtStatement::Before313;
        self.at_position(position, f)
    }

    /// Run `f` at a class pattern, anchored as a call (3.13 marks `Point(x, y)` as `~^^^^^^`).
    pub(super) fn at_class_pattern(
        &mut self,
        pattern: &ast::PatternMatchClass,
        f: impl FnOnce(&mut Self) -> CResult,
    ) -> CResult {
        let from = usize::from(pattern.cls.range().end());
        let paren = self.sink.source.get(from..).and_then(|rest| rest.find('(')).map(|i| i + from);
        let anchors =
            paren.map(|paren| self.anchors(AnchorKind::Call, TextSize::new(paren as u32), pattern.range.end()));
        let position = self.position_of(pattern.range, anchors);
        self.at_position(position, f)
    }

    pub(super) fn at_position(&mut self, position: Position, f: impl FnOnce(&mut Self) -> CResult) -> CResult {
        let unit = self.unit();
        let saved = unit.position;
        unit.position = position;
        unit.legacy = unit.legacy.max(position.start);
        let result = f(self);
        self.unit().position = saved;
        result
    }

    /// Compile `value`, the whole right-hand side of the statement `stmt` (CPython 3.13 prints
    /// no carets under the call of `name = f(...)` or `return name(...)` when the statement
    /// fills its lines: `_should_show_carets` in its traceback.py).
    pub(super) fn statement_value(&mut self, stmt: &Stmt, value: &'a Expr) -> CResult {
        let plain_call = match (stmt, value) {
            (Stmt::Return(_), Expr::Call(call)) => matches!(&*call.func, Expr::Name(_)),
            (Stmt::Assign(assign), Expr::Call(_)) => {
                assign.targets.len() == 1 && matches!(&assign.targets[0], Expr::Name(_))
            }
            _ => false,
        };
        if !plain_call || !self.alone_on_its_lines(stmt.range()) {
            return self.expr(value);
        }
        let mut position = self.position_of(value.range(), self.anchors_of(value));
        position.whole_statement_call = true;
        self.at_position(position, |compiler| compiler.expr_here(value))
    }

    /// Nothing but the statement (and a comment) is on the lines it spans.
    fn alone_on_its_lines(&self, range: TextRange) -> bool {
        let source = self.sink.source;
        let start = usize::from(range.start()).min(source.len());
        let end = usize::from(range.end()).min(source.len());
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[end..].find('\n').map_or(source.len(), |i| end + i);
        let before = &source[line_start..start];
        let after = source[end..line_end].trim_start();
        before.trim().is_empty() && (after.is_empty() || after.starts_with('#'))
    }

    fn anchors(&self, kind: AnchorKind, left: TextSize, right: TextSize) -> Anchors {
        Anchors { kind, left: left.to_u32(), right: right.to_u32() }
    }

    fn anchors_of(&self, expr: &Expr) -> Option<Anchors> {
        match expr {
            Expr::BinOp(b) => self.operator_anchors(b),
            // From the end of the subscripted value to after the slice (3.11's traceback.c).
            Expr::Subscript(s) => {
                let right = s.slice.range().end() + TextSize::new(1);
                Some(self.anchors(AnchorKind::Subscript, s.value.range().end(), right))
            }
            // From the call's opening parenthesis to its end.
            Expr::Call(c) => {
                let source = self.sink.source;
                let from = usize::from(c.func.range().end());
                let paren = source.get(from..)?.find('(')? + from;
                Some(self.anchors(AnchorKind::Call, TextSize::new(paren as u32), c.range().end()))
            }
            _ => None,
        }
    }

    /// The operator between a binary operation's operands: the first character after the left
    /// operand that is neither whitespace nor a closing parenthesis, and the one after it too
    /// if it is not whitespace (`//`, `**`).
    fn operator_anchors(&self, b: &ast::ExprBinOp) -> Option<Anchors> {
        let source = self.sink.source;
        let (from, to) = (usize::from(b.left.range().end()), usize::from(b.right.range().start()));
        let between = source.get(from..to)?;
        let mut chars = between.char_indices().peekable();
        let mut in_comment = false;
        while let Some((i, ch)) = chars.next() {
            in_comment = (in_comment || ch == '#') && ch != '\n';
            if in_comment || ch.is_whitespace() || ch == ')' || ch == '\\' {
                continue;
            }
            let two = chars.peek().is_some_and(|(_, next)| !next.is_whitespace() && !"\\#".contains(*next));
            let at = TextSize::new((from + i) as u32);
            let width = TextSize::new(1 + u32::from(two));
            return Some(self.anchors(AnchorKind::BinOp, at, at + width));
        }
        None
    }
}
