//! Coroutines (PEP 492) and async generators (PEP 525): `await`, `async for` and what
//! makes a function one. `await x` is CPython 3.11's GET_AWAITABLE and the `Send` loop of
//! `yield from`; each value the awaited iterator yields goes up through the awaiting
//! frames to whoever drives the outermost coroutine (an event loop's task).

use super::{CResult, Compiler, FBlock};
use crate::error::CompileErrorKind;
use gilsim_bytecode::{Const, Instr};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::TextRange;

impl<'s, 'src, 'a> Compiler<'s, 'src, 'a> {
    /// `await`, `async for` or `async with` (`what`, quoted as CPython's message quotes it)
    /// may appear only in an `async def`.
    pub(super) fn enter_await(&mut self, range: TextRange, what: &str) -> CResult {
        let flags = self.unit().code.flags;
        if flags.is_coroutine {
            return Ok(());
        }
        let outside_any = self.units.len() == 1 || flags.is_class_body;
        let message = if what == "asynchronous comprehension" {
            format!("{what} outside of an asynchronous function")
        } else if outside_any && what == "'await'" {
            format!("{what} outside function")
        } else {
            format!("{what} outside async function")
        };
        Err(self.error(range, CompileErrorKind::Syntax, message))
    }

    /// Await the value on TOS: `GetAwaitable` makes it the iterator the `yield from` loop
    /// drives.
    pub(super) fn emit_await(&mut self) {
        self.emit(Instr::GetAwaitable);
        self.emit_send_loop();
    }

    /// The loop of `yield from` and `await` over the iterator on TOS: each value it yields is
    /// yielded, the value sent back is sent on, and its return value ends on TOS.
    pub(super) fn emit_send_loop(&mut self) {
        self.emit_const(Const::None);
        let send = self.here();
        let exit = self.emit(Instr::Send(0));
        self.emit(Instr::YieldValue);
        self.emit(Instr::Jump(send));
        self.patch_here(exit);
    }

    /// The head of an `async for` loop (the async iterator on TOS): await its `__anext__()`
    /// under a handler, whose position is returned to be patched to the loop's
    /// `EndAsyncFor`.
    pub(super) fn emit_async_next(&mut self) -> usize {
        let setup = self.emit(Instr::SetupExcept(0));
        self.emit(Instr::GetANext);
        self.emit_await();
        self.emit(Instr::PopBlock);
        setup
    }

    /// `async for` (PEP 492): `__anext__()` is awaited under a handler that ends the loop on
    /// StopAsyncIteration (CPython's END_ASYNC_FOR).
    pub(super) fn async_for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult {
        self.enter_await(f.range, "'async for'")?;
        self.expr(&f.iter)?;
        self.at_expr_from313(&f.iter, |c| {
            c.emit(Instr::GetAIter);
            Ok(())
        })?;
        let top = self.here();
        let setup = self.emit_async_next();
        self.store_target(&f.target)?;
        self.unit().fblocks.push(FBlock::ForLoop { continue_target: top, breaks: Vec::new() });
        self.body(&f.body)?;
        self.emit(Instr::JumpBackward(top));
        let Some(FBlock::ForLoop { breaks, .. }) = self.unit().fblocks.pop() else { unreachable!("loop block") };
        self.patch_here(setup);
        self.emit(Instr::EndAsyncFor);
        self.body(&f.orelse)?;
        for b in breaks {
            self.patch_here(b);
        }
        Ok(())
    }
}

/// Whether a comprehension is asynchronous (PEP 530): one of its loops is `async for`, or
/// an `await` or an async comprehension is in it (outside its first iterable, which the
/// enclosing scope evaluates).
pub(super) fn comprehension_is_async(generators: &[ast::Comprehension], elt: &Expr, value: Option<&Expr>) -> bool {
    let mut finder = AwaitFinder { found: false };
    for (depth, generator) in generators.iter().enumerate() {
        if generator.is_async {
            return true;
        }
        if depth > 0 {
            finder.visit_expr(&generator.iter);
        }
        for cond in &generator.ifs {
            finder.visit_expr(cond);
        }
    }
    finder.visit_expr(elt);
    if let Some(value) = value {
        finder.visit_expr(value);
    }
    finder.found
}

struct AwaitFinder {
    found: bool,
}

impl<'a> Visitor<'a> for AwaitFinder {
    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            _ if self.found => {}
            Expr::Await(_) => self.found = true,
            // From 3.11 an async comprehension inside makes this one async too (older
            // releases refuse it: syntax_version).
            Expr::ListComp(ast::ExprListComp { generators, .. })
            | Expr::SetComp(ast::ExprSetComp { generators, .. })
            | Expr::DictComp(ast::ExprDictComp { generators, .. })
                if generators.iter().any(|g| g.is_async) =>
            {
                self.found = true
            }
            // A generator expression's body runs when it is iterated, not here.
            Expr::Lambda(_) | Expr::Generator(_) => {}
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// Whether a function body yields (not counting nested functions, classes and lambdas):
/// an `async def` that does is an async generator, whatever order its statements come in.
pub(super) fn body_yields(body: &[Stmt]) -> bool {
    let mut finder = YieldFinder { found: false };
    finder.visit_body(body);
    finder.found
}

struct YieldFinder {
    found: bool,
}

impl<'a> Visitor<'a> for YieldFinder {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.found || matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
            return;
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            _ if self.found => {}
            Expr::Yield(_) | Expr::YieldFrom(_) => self.found = true,
            Expr::Lambda(_) | Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {}
            _ => visitor::walk_expr(self, expr),
        }
    }
}
