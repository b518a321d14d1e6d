//! Statements.

use super::{CResult, Compiler, FBlock};
use crate::error::CompileErrorKind;
use gilsim_bytecode::{AtStatement, CodeFlags, Const, Instr, Signature};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

impl<'s, 'src, 'a> Compiler<'s, 'src, 'a> {
    pub(super) fn body(&mut self, body: &'a [Stmt]) -> CResult {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, stmt: &'a Stmt) -> CResult {
        self.set_line(stmt.range());
        match stmt {
            Stmt::Expr(e) => {
                self.expr(&e.value)?;
                self.emit(Instr::Pop);
            }
            Stmt::Assign(a) => {
                self.statement_value(stmt, &a.value)?;
                for (i, target) in a.targets.iter().enumerate() {
                    if i + 1 < a.targets.len() {
                        self.emit(Instr::Dup);
                    }
                    self.store_target(target)?;
                }
            }
            Stmt::AnnAssign(a) => {
                if let Some(value) = &a.value {
                    self.expr(value)?;
                    self.store_target(&a.target)?;
                }
                if let (true, true, Expr::Name(name)) = (self.unit().code.flags.is_class_body, a.simple, &*a.target) {
                    // `__annotations__[name] = annotation`, after the value, as CPython does.
                    self.annotation(&a.annotation)?;
                    self.load_name("__annotations__");
                    self.emit_const(Const::Str(name.id.to_string()));
                    self.emit(Instr::StoreSubscr);
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::Pass(_) | Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::If(s) => self.if_stmt(s)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::For(f) => self.for_stmt(f)?,
            Stmt::Break(b) => self.break_or_continue(b.range, true)?,
            Stmt::Continue(c) => self.break_or_continue(c.range, false)?,
            Stmt::Return(r) => self.return_stmt(stmt, r)?,
            Stmt::FunctionDef(def) => self.function_def(def)?,
            Stmt::ClassDef(class) => self.class_def(class)?,
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(exc) = &r.exc {
                    self.expr(exc)?;
                    n = 1;
                    if let Some(cause) = &r.cause {
                        self.expr(cause)?;
                        n = 2;
                    }
                }
                self.emit(Instr::Raise(n));
            }
            Stmt::Try(t) => self.try_stmt(t)?,
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::With(w) => {
                if w.is_async {
                    self.enter_await(w.range, "'async with'")?;
                }
                self.with_items(w, &w.items)?
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                let ok = self.emit(Instr::PopJumpIfTrue(0));
                match &a.msg {
                    Some(msg) => self.expr(msg)?,
                    None => self.emit_const(Const::None),
                }
                // At the test from 3.13; before, at the statement — unless the test is a
                // comparison, whose position 3.11's compiler_jump_if leaves in place.
                let raise = |c: &mut Self| {
                    c.emit(Instr::RaiseAssertion);
                    Ok(())
                };
                let at_statement = match &*a.test {
                    ast::Expr::Compare(_) => AtStatement::In312,
                    _ => AtStatement::Before313,
                };
                self.at_expr_except(&a.test, at_statement, raise)?;
                self.patch_here(ok);
            }
            Stmt::Delete(d) => {
                for target in &d.targets {
                    self.delete_target(target)?;
                }
            }
            Stmt::Import(import) => {
                for alias in &import.names {
                    let module = alias.name.id.as_str();
                    let index = self.name_index(module);
                    self.emit(Instr::ImportName(index));
                    match (&alias.asname, module.split_once('.')) {
                        (Some(asname), _) => self.store_name(asname.id.as_str()),
                        // `import a.b` binds `a`, the package, which now holds `b`.
                        (None, Some((package, _))) => {
                            self.emit(Instr::Pop);
                            let index = self.name_index(package);
                            self.emit(Instr::ImportName(index));
                            self.store_name(package);
                        }
                        (None, None) => self.store_name(module),
                    }
                }
            }
            // Every feature is on in Python 3 (the 2.7 dialect reads them before compiling).
            Stmt::ImportFrom(import) if crate::subset::is_future_import(import) => {}
            Stmt::ImportFrom(import) => {
                let module = import.module.as_ref().map_or("", |m| m.id.as_str());
                let index = self.name_index(module);
                if crate::subset::is_star_import(import) {
                    // Only a module's globals are slots that a run can bind by name.
                    if self.units.len() != 1 || self.unit().code.flags.is_class_body {
                        let message = "import * only allowed at module level";
                        return Err(self.error(import.range, CompileErrorKind::Syntax, message));
                    }
                    self.emit(Instr::ImportName(index));
                    self.emit(Instr::ImportStar);
                    return Ok(());
                }
                self.emit(Instr::ImportName(index));
                for alias in &import.names {
                    self.emit(Instr::Dup);
                    let name = self.name_index(alias.name.id.as_str());
                    self.emit(Instr::ImportFrom(name));
                    self.store_name(alias.asname.as_ref().unwrap_or(&alias.name).id.as_str());
                }
                self.emit(Instr::Pop);
            }
            other => return Err(self.unsupported(other.range(), "this statement")),
        }
        Ok(())
    }

    /// Store into `target`, at its position (an unpacking's ValueError is at `x, y`; a
    /// subscript's carets mark its brackets, `~~~^^^^`).
    pub(super) fn store_target(&mut self, target: &'a Expr) -> CResult {
        self.at_expr(target, |compiler| compiler.store_target_here(target))
    }

    fn store_target_here(&mut self, target: &'a Expr) -> CResult {
        match target {
            Expr::Name(n) => self.store_name(n.id.as_str()),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let index = self.name_index(a.attr.id.as_str());
                self.emit(Instr::StoreAttr(index));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Instr::StoreSubscr);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let star = elts.iter().position(Expr::is_starred_expr);
                match star {
                    None => {
                        self.emit(Instr::UnpackSequence(elts.len() as u32));
                    }
                    Some(at) => {
                        if elts.iter().filter(|e| e.is_starred_expr()).count() > 1 {
                            return Err(self.error(
                                target.range(),
                                CompileErrorKind::Syntax,
                                "multiple starred expressions in assignment",
                            ));
                        }
                        let before = at as u16;
                        let after = (elts.len() - at - 1) as u16;
                        self.emit(Instr::UnpackEx { before, after });
                    }
                }
                for elt in elts {
                    match elt {
                        Expr::Starred(s) => self.store_target(&s.value)?,
                        other => self.store_target(other)?,
                    }
                }
            }
            Expr::Starred(s) => {
                return Err(self.error(
                    s.range,
                    CompileErrorKind::Syntax,
                    "starred assignment target must be in a list or tuple",
                ))
            }
            other => {
                return Err(self.error(other.range(), CompileErrorKind::Syntax, "cannot assign to this expression"))
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, target: &'a Expr) -> CResult {
        self.at_expr(target, |compiler| compiler.delete_target_here(target))
    }

    fn delete_target_here(&mut self, target: &'a Expr) -> CResult {
        match target {
            Expr::Name(n) => self.delete_name(n.id.as_str()),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let index = self.name_index(a.attr.id.as_str());
                self.emit(Instr::DeleteAttr(index));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Instr::DeleteSubscr);
            }
            Expr::Tuple(t) => t.elts.iter().try_for_each(|e| self.delete_target(e))?,
            Expr::List(l) => l.elts.iter().try_for_each(|e| self.delete_target(e))?,
            other => return Err(self.error(other.range(), CompileErrorKind::Syntax, "cannot delete this expression")),
        }
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult {
        let op = self.bin_op(a.op);
        match &*a.target {
            Expr::Name(n) => {
                // Read at the name (an unbound one is marked under it from 3.11).
                self.at_expr(&a.target, |c| {
                    c.load_name(n.id.as_str());
                    Ok(())
                })?;
                self.expr(&a.value)?;
                self.emit(Instr::Inplace(op));
                self.store_name(n.id.as_str());
            }
            // The target is read and written at its position, the operation is the statement's.
            Expr::Attribute(attr) => {
                let index = self.name_index(attr.attr.id.as_str());
                self.at_expr(&a.target, |c| {
                    c.expr(&attr.value)?;
                    c.emit(Instr::Dup);
                    c.emit(Instr::LoadAttr(index));
                    Ok(())
                })?;
                self.expr(&a.value)?;
                self.emit(Instr::Inplace(op));
                self.at_expr(&a.target, |c| {
                    c.emit(Instr::Rot2);
                    c.emit(Instr::StoreAttr(index));
                    Ok(())
                })?;
            }
            Expr::Subscript(s) => {
                self.at_expr(&a.target, |c| {
                    c.expr(&s.value)?;
                    c.subscript_index(&s.slice)?;
                    c.emit(Instr::Dup2);
                    c.emit(Instr::LoadSubscr);
                    Ok(())
                })?;
                self.expr(&a.value)?;
                self.emit(Instr::Inplace(op));
                self.at_expr(&a.target, |c| {
                    c.emit(Instr::Rot3);
                    c.emit(Instr::StoreSubscr);
                    Ok(())
                })?;
            }
            other => {
                return Err(self.error(
                    other.range(),
                    CompileErrorKind::Syntax,
                    "illegal expression for augmented assignment",
                ))
            }
        }
        Ok(())
    }

    fn if_stmt(&mut self, s: &'a ast::StmtIf) -> CResult {
        self.expr(&s.test)?;
        let mut to_next = self.emit(Instr::PopJumpIfFalse(0));
        self.body(&s.body)?;
        let mut to_end = Vec::new();
        for clause in &s.elif_else_clauses {
            to_end.push(self.emit(Instr::Jump(0)));
            self.patch_here(to_next);
            self.set_line(clause.range);
            match &clause.test {
                Some(test) => {
                    self.expr(test)?;
                    to_next = self.emit(Instr::PopJumpIfFalse(0));
                    self.body(&clause.body)?;
                }
                None => {
                    self.body(&clause.body)?;
                    to_next = usize::MAX;
                }
            }
        }
        if to_next != usize::MAX {
            self.patch_here(to_next);
        }
        for j in to_end {
            self.patch_here(j);
        }
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult {
        let top = self.here();
        let always = matches!(&*w.test, Expr::BooleanLiteral(b) if b.value)
            || matches!(&*w.test, Expr::NumberLiteral(n) if matches!(&n.value, ast::Number::Int(i) if i.as_i64() != Some(0)));
        let exit = if always {
            None
        } else {
            self.expr(&w.test)?;
            Some(self.emit(Instr::PopJumpIfFalse(0)))
        };
        self.unit().fblocks.push(FBlock::WhileLoop { continue_target: top, breaks: Vec::new() });
        self.body(&w.body)?;
        let body_end = self.unit().legacy;
        self.set_line(w.range);
        // Where CPython's back edge is (a switch point, so where a traceback made there
        // points): with a test, 3.10+ test again at the loop's bottom and jump back from the
        // test's last operand (`n >= 0` of `while not stop and n >= 0:`); `while True:` jumps
        // from the statement, from 3.12 from its test; 3.0-3.9 jump from the body's last
        // statement (a `pass` too), whose start `legacy` keeps.
        let jump_back = |c: &mut Self| {
            let at = c.emit(Instr::JumpBackward(top));
            c.unit().code.positions[at].legacy = body_end;
            Ok(())
        };
        if always {
            self.at_expr_except(&w.test, AtStatement::LoopEndBefore312, jump_back)?;
        } else {
            self.at_expr_except(last_operand(&w.test), AtStatement::LoopEnd, jump_back)?;
        }
        let Some(FBlock::WhileLoop { breaks, .. }) = self.unit().fblocks.pop() else { unreachable!("loop block") };
        if let Some(exit) = exit {
            self.patch_here(exit);
        }
        self.body(&w.orelse)?;
        for b in breaks {
            self.patch_here(b);
        }
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult {
        if f.is_async {
            return self.async_for_stmt(f);
        }
        self.iterable(&f.iter)?;
        self.at_expr_from313(&f.iter, |c| {
            c.emit(Instr::GetIter);
            Ok(())
        })?;
        let top = self.here();
        // 3.13 puts FOR_ITER at the iterable (a failing `__next__` is marked under it).
        let mut exit = 0;
        self.at_expr_from313(&f.iter, |c| {
            exit = c.emit(Instr::ForIter(0));
            Ok(())
        })?;
        self.store_target(&f.target)?;
        self.unit().fblocks.push(FBlock::ForLoop { continue_target: top, breaks: Vec::new() });
        self.body(&f.body)?;
        // The back edge stays at the body's last statement, as CPython's does.
        self.emit(Instr::JumpBackward(top));
        let Some(FBlock::ForLoop { breaks, .. }) = self.unit().fblocks.pop() else { unreachable!("loop block") };
        self.patch_here(exit);
        self.body(&f.orelse)?;
        for b in breaks {
            self.patch_here(b);
        }
        Ok(())
    }

    /// Emit the code that leaves fblock `index` (innermost = last) on the way out.
    fn unwind_fblock(&mut self, index: usize, preserve_tos: bool) -> CResult {
        match &self.unit().fblocks[index] {
            FBlock::WhileLoop { .. } => {}
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::Pop);
            }
            FBlock::TryExcept => {
                self.emit(Instr::PopBlock);
            }
            FBlock::TryFinally(final_body) => {
                let final_body: &'a [Stmt] = final_body;
                self.emit(Instr::PopBlock);
                // The final body runs outside its own block (a `break` inside it must not
                // unwind it again).
                let saved = self.unit().fblocks.split_off(index);
                let result = self.body(final_body);
                self.unit().fblocks.extend(saved);
                result?;
            }
            &FBlock::With { with, item } => {
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.emit(Instr::Rot2);
                }
                self.emit_with_exit(with, item, false);
                self.emit(Instr::Pop);
                self.emit(Instr::Pop);
            }
            FBlock::ExceptBody => {
                self.emit(Instr::PopExcept);
            }
            &FBlock::FinallyOnException { handles } => {
                // The jump swallows the exception under the block.
                if handles {
                    self.emit(Instr::PopExcept);
                }
                if preserve_tos {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::Pop);
            }
            FBlock::ExceptStarBody => unreachable!("check_jump_out_of_except_star refuses the jump"),
        }
        Ok(())
    }

    fn break_or_continue(&mut self, range: TextRange, is_break: bool) -> CResult {
        let loop_index =
            self.unit().fblocks.iter().rposition(|b| matches!(b, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }));
        self.check_jump_out_of_except_star(range, loop_index.map_or(0, |i| i + 1))?;
        let Some(loop_index) = loop_index else {
            let what = if is_break { "'break' outside loop" } else { "'continue' not properly in loop" };
            return Err(self.error(range, CompileErrorKind::Syntax, what));
        };
        let depth = self.unit().fblocks.len();
        for index in (loop_index + 1..depth).rev() {
            self.unwind_fblock(index, false)?;
        }
        if is_break {
            if matches!(self.unit().fblocks[loop_index], FBlock::ForLoop { .. }) {
                self.emit(Instr::Pop);
            }
            let jump = self.emit(Instr::Jump(0));
            match &mut self.unit().fblocks[loop_index] {
                FBlock::WhileLoop { breaks, .. } | FBlock::ForLoop { breaks, .. } => breaks.push(jump),
                _ => unreachable!("loop block"),
            }
        } else {
            let target = match &self.unit().fblocks[loop_index] {
                FBlock::WhileLoop { continue_target, .. } | FBlock::ForLoop { continue_target, .. } => *continue_target,
                _ => unreachable!("loop block"),
            };
            self.emit(Instr::JumpBackward(target));
        }
        Ok(())
    }

    fn return_stmt(&mut self, stmt: &'a Stmt, r: &'a ast::StmtReturn) -> CResult {
        if self.units.len() == 1 || self.unit().code.flags.is_class_body {
            return Err(self.error(r.range, CompileErrorKind::Syntax, "'return' outside function"));
        }
        if r.value.is_some() && self.unit().code.flags.is_async_generator {
            return Err(self.error(r.range, CompileErrorKind::Syntax, "'return' with value in async generator"));
        }
        self.check_jump_out_of_except_star(r.range, 0)?;
        match &r.value {
            Some(v) => self.statement_value(stmt, v)?,
            None => self.emit_const(Const::None),
        }
        // A loop's iterator may stay on the stack under the value (the frame's stack goes with
        // it), unless a `with` outside the loop must reach its exit method beneath.
        let outermost_with = self.unit().fblocks.iter().position(|b| matches!(b, FBlock::With { .. }));
        for index in (0..self.unit().fblocks.len()).rev() {
            let pop_iterator = matches!(self.unit().fblocks[index], FBlock::ForLoop { .. })
                && outermost_with.is_some_and(|with| with < index);
            if pop_iterator || !matches!(self.unit().fblocks[index], FBlock::ForLoop { .. } | FBlock::WhileLoop { .. })
            {
                self.unwind_fblock(index, true)?;
            }
        }
        self.emit(Instr::Return);
        Ok(())
    }

    fn function_def(&mut self, def: &'a ast::StmtFunctionDef) -> CResult {
        for d in &def.decorator_list {
            self.expr(&d.expression)?;
        }
        let (signature, mut flags) = self.signature(Some(&def.parameters))?;
        flags |= self.annotations(&def.parameters, def.returns.as_deref())?;
        let line = self.line_of(def.range);
        let declared = self.declared_name(&def.name);
        let code_flags = CodeFlags {
            is_coroutine: def.is_async,
            is_generator: def.is_async,
            is_async_generator: def.is_async && super::async_code::body_yields(&def.body),
            ..CodeFlags::default()
        };
        self.enter_scope(Self::start(def), &declared, signature, code_flags, line);
        if let Some(ast::Stmt::Expr(first)) = def.body.first() {
            if let ast::Expr::StringLiteral(s) = &*first.value {
                self.unit().code.docstring = Some(s.value.to_str().to_string());
            }
        }
        self.body(&def.body)?;
        self.emit_const(Const::None);
        self.emit(Instr::Return);
        self.leave_scope_make_function(flags);
        self.set_line(def.range);
        for _ in &def.decorator_list {
            self.emit(Instr::Call(1));
        }
        self.store_name(def.name.id.as_str());
        Ok(())
    }

    /// The name a `def` or `class` statement declares, as written: its `__name__`. The binding
    /// (`def.name.id`) is the mangled one inside a class body (`__f` is bound as `_C__f`).
    fn declared_name(&self, name: &ast::Identifier) -> String {
        let written = self.sink.source.get(std::ops::Range::<usize>::from(name.range)).unwrap_or_default();
        let mangled = written.starts_with("__") && name.id.len() > written.len() && name.id.ends_with(written);
        if mangled {
            written.to_string()
        } else {
            name.id.to_string()
        }
    }

    fn class_def(&mut self, class: &'a ast::StmtClassDef) -> CResult {
        for d in &class.decorator_list {
            self.expr(&d.expression)?;
        }
        let line = self.line_of(class.range);
        let flags = CodeFlags { is_class_body: true, ..CodeFlags::default() };
        let declared = self.declared_name(&class.name);
        self.enter_scope(Self::start(class), &declared, Signature::default(), flags, line);
        if let Some(ast::Stmt::Expr(first)) = class.body.first() {
            if let ast::Expr::StringLiteral(doc) = &*first.value {
                // The docstring becomes the class's `__doc__`, as in CPython.
                self.emit_const(Const::Str(doc.value.to_str().to_string()));
                self.store_name("__doc__");
            }
        }
        // A nested class's body names its dotted `__qualname__`, as CPython's does.
        let qualname = self.unit().code.qualname.clone();
        if qualname != declared {
            self.emit_const(Const::Str(qualname));
            self.store_name("__qualname__");
        }
        if class.body.iter().any(annotates_a_name) {
            self.emit(Instr::BuildMap(0));
            self.store_name("__annotations__");
        }
        self.body(&class.body)?;
        self.emit_const(Const::None);
        self.emit(Instr::Return);
        self.leave_scope_make_function(0);
        self.set_line(class.range);
        self.emit_const(Const::Str(declared));
        let (bases, keywords) = match class.arguments.as_deref() {
            Some(arguments) => (&arguments.args[..], &arguments.keywords[..]),
            None => (&[][..], &[][..]),
        };
        for base in bases {
            self.expr(base)?;
        }
        self.emit(Instr::BuildTuple(bases.len() as u32));
        if keywords.is_empty() {
            self.emit_const(Const::None);
        } else {
            for keyword in keywords {
                let name = keyword.arg.as_ref().expect("the subset rejects `**` in a class statement");
                self.emit_const(Const::Str(name.id.to_string()));
                self.expr(&keyword.value)?;
            }
            self.emit(Instr::BuildMap(keywords.len() as u32));
        }
        self.emit(Instr::BuildClass);
        for _ in &class.decorator_list {
            self.emit(Instr::Call(1));
        }
        self.store_name(class.name.id.as_str());
        Ok(())
    }

    fn try_stmt(&mut self, t: &'a ast::StmtTry) -> CResult {
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        let setup = self.emit(Instr::SetupFinally(0));
        self.unit().fblocks.push(FBlock::TryFinally(&t.finalbody));
        if t.handlers.is_empty() {
            self.body(&t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.body(&t.finalbody)?;
        let to_end = self.emit(Instr::Jump(0));
        self.patch_here(setup);
        // Exceptional path: the exception is on the stack, and from Python 3 handled in the
        // block (`sys.exc_info()`, the context of an exception raised there).
        let handles = !self.semantics.python2;
        if handles {
            self.emit(Instr::PushExcInfo);
        }
        self.unit().fblocks.push(FBlock::FinallyOnException { handles });
        self.body(&t.finalbody)?;
        self.unit().fblocks.pop();
        if handles {
            self.emit(Instr::PopExcept);
        }
        self.emit(Instr::Reraise);
        self.patch_here(to_end);
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        if t.is_star {
            return self.try_except_star(t);
        }
        let mut to_end = vec![self.try_body_and_else(t)?];
        self.emit(Instr::PushExcInfo);
        for handler in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = handler;
            self.set_line(h.range);
            let mut next = None;
            if let Some(ty) = &h.type_ {
                self.emit(Instr::Dup);
                self.expr(ty)?;
                self.emit(Instr::CheckExcMatch);
                next = Some(self.emit(Instr::PopJumpIfFalse(0)));
            }
            self.bind_handler_name(h);
            self.unit().fblocks.push(FBlock::ExceptBody);
            self.body(&h.body)?;
            self.unit().fblocks.pop();
            self.emit(Instr::PopExcept);
            self.clear_handler_name(h)?;
            to_end.push(self.emit(Instr::Jump(0)));
            if let Some(next) = next {
                self.patch_here(next);
            }
        }
        // No handler matched: stop handling and re-raise.
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        for j in to_end {
            self.patch_here(j);
        }
        Ok(())
    }

    /// The `try` body under a handler, then the `else` body and a jump over the handlers
    /// (returned, to be patched to the statement's end); the handlers' code follows, with the
    /// exception on TOS.
    pub(super) fn try_body_and_else(&mut self, t: &'a ast::StmtTry) -> CResult<usize> {
        let setup = self.emit(Instr::SetupExcept(0));
        self.unit().fblocks.push(FBlock::TryExcept);
        self.body(&t.body)?;
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.body(&t.orelse)?;
        let to_end = self.emit(Instr::Jump(0));
        self.patch_here(setup);
        Ok(to_end)
    }

    /// `except E as name:` binds the exception on TOS to the name (without a name, pops it).
    pub(super) fn bind_handler_name(&mut self, h: &'a ast::ExceptHandlerExceptHandler) {
        match &h.name {
            Some(name) => self.store_name(name.id.as_str()),
            None => {
                self.emit(Instr::Pop);
            }
        }
    }

    /// CPython deletes a handler's name when the handler ends, either way.
    pub(super) fn clear_handler_name(&mut self, h: &'a ast::ExceptHandlerExceptHandler) -> CResult {
        if let Some(name) = &h.name {
            self.emit_const(Const::None);
            self.store_name(name.id.as_str());
            self.delete_name(name.id.as_str());
        }
        Ok(())
    }

    fn with_items(&mut self, with: &'a ast::StmtWith, items: &'a [ast::WithItem]) -> CResult {
        let (body, is_async) = (&with.body, with.is_async);
        let Some((item, rest)) = items.split_first() else {
            return self.body(body);
        };
        self.expr(&item.context_expr)?;
        self.at_expr_from313(&item.context_expr, |c| {
            if is_async {
                c.emit(Instr::BeforeAsyncWith);
                c.emit_await();
            } else {
                c.emit(Instr::BeforeWith);
            }
            Ok(())
        })?;
        match &item.optional_vars {
            Some(target) => self.store_target(target)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        let setup = self.emit(Instr::SetupFinally(0));
        self.unit().fblocks.push(FBlock::With { with, item: &item.context_expr });
        self.with_items(with, rest)?;
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.emit_with_exit(with, &item.context_expr, false);
        self.emit(Instr::Pop);
        self.emit(Instr::Pop);
        let to_end = self.emit(Instr::Jump(0));
        self.patch_here(setup);
        // The exception is handled while `__exit__` runs (sys.exc_info(), chaining).
        self.emit(Instr::PushExcInfo);
        self.emit_with_exit(with, &item.context_expr, true);
        // Re-raises unless `__exit__` returned true.
        self.emit(Instr::WithExitCheck);
        self.emit(Instr::PopExcept);
        self.patch_here(to_end);
        Ok(())
    }
}

/// `name: annotation` in a class body, at its top level or in a block (CPython's
/// `SETUP_ANNOTATIONS` condition; a nested `def` or `class` has its own).
fn annotates_a_name(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::AnnAssign(a) => a.simple && a.target.is_name_expr(),
        Stmt::If(s) => {
            s.body.iter().any(annotates_a_name)
                || s.elif_else_clauses.iter().any(|c| c.body.iter().any(annotates_a_name))
        }
        Stmt::For(s) => s.body.iter().chain(&s.orelse).any(annotates_a_name),
        Stmt::While(s) => s.body.iter().chain(&s.orelse).any(annotates_a_name),
        Stmt::With(s) => s.body.iter().any(annotates_a_name),
        Stmt::Try(s) => {
            let handlers = s.handlers.iter().any(|h| {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                h.body.iter().any(annotates_a_name)
            });
            handlers || s.body.iter().chain(&s.orelse).chain(&s.finalbody).any(annotates_a_name)
        }
        _ => false,
    }
}

/// The operand of a loop's test that CPython's conditional back edge jumps from: the last one
/// evaluated of `and`/`or`, under `not`.
fn last_operand(test: &Expr) -> &Expr {
    match test {
        Expr::BoolOp(b) => b.values.last().map_or(test, last_operand),
        Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => last_operand(&u.operand),
        other => other,
    }
}
