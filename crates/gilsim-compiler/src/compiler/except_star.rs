//! `try: ... except* T as e: ...` (PEP 654, 3.11). CPython compiles each clause to
//! CHECK_EG_MATCH, which splits what is left of the exception group by `T`, and ends the
//! statement with PREP_RERAISE_STAR, which merges what the clauses raised with what none of
//! them matched. Here both are library/gilsim_groups.py's functions over a state object that
//! stays on the stack under the clauses: `star_begin(exc)`, `star_match(state, T)` (sets
//! `state.match`), `star_raised(state, exc)` for an exception leaving a clause, and
//! `star_finish(state)`, whose result (None: nothing left) is re-raised without a new
//! traceback entry, as CPython's RERAISE.

use super::{CResult, Compiler, FBlock};
use crate::error::CompileErrorKind;
use gilsim_bytecode::{Const, Instr};
use ruff_python_ast as ast;
use ruff_text_size::TextRange;

const HELPERS: &str = "_gilsim_groups";

/// CPython's message for a jump out of an `except*` clause.
const JUMP_OUT: &str = "'break', 'continue' and 'return' cannot appear in an except* block";

impl<'s, 'src, 'a> Compiler<'s, 'src, 'a> {
    pub(super) fn try_except_star(&mut self, t: &'a ast::StmtTry) -> CResult {
        let to_end = self.try_body_and_else(t)?;
        // [exc] -> [state]; the group is the handled exception until the statement ends.
        self.emit(Instr::PushExcInfo);
        self.call_helper_on_top("star_begin");
        for handler in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = handler;
            self.set_line(h.range);
            self.except_star_clause(h)?;
        }
        // [state] -> what is left to raise.
        self.call_helper_on_top("star_finish");
        self.emit(Instr::Dup);
        self.emit_const(Const::None);
        self.emit(Instr::Is(false));
        let raise = self.emit(Instr::PopJumpIfFalse(0));
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        let handled = self.emit(Instr::Jump(0));
        self.patch_here(raise);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.patch_here(handled);
        self.patch_here(to_end);
        Ok(())
    }

    /// One clause, with the state on TOS (and left there): run the body if `star_match`
    /// matched, its part of the group bound to the name and handled; an exception leaving
    /// the body goes to `star_raised`.
    fn except_star_clause(&mut self, h: &'a ast::ExceptHandlerExceptHandler) -> CResult {
        let Some(types) = &h.type_ else {
            return Err(self.error(h.range, CompileErrorKind::Syntax, "expected one or more exception types"));
        };
        self.emit(Instr::Dup);
        self.load_helper("star_match");
        self.emit(Instr::Rot2);
        self.expr(types)?;
        self.emit(Instr::Call(2));
        let no_match = self.emit(Instr::PopJumpIfFalse(0));
        let guard = self.emit(Instr::SetupExcept(0));
        self.emit(Instr::Dup);
        let match_name = self.name_index("match");
        self.emit(Instr::LoadAttr(match_name));
        self.emit(Instr::PushExcInfo);
        self.bind_handler_name(h);
        self.unit().fblocks.push(FBlock::ExceptStarBody);
        self.body(&h.body)?;
        self.unit().fblocks.pop();
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopBlock);
        self.clear_handler_name(h)?;
        let done = self.emit(Instr::Jump(0));
        // [state, raised] -> star_raised(state, raised) -> [state].
        self.patch_here(guard);
        self.clear_handler_name(h)?;
        self.emit(Instr::Rot2);
        self.emit(Instr::Dup);
        self.emit(Instr::Rot3);
        self.emit(Instr::Rot2);
        self.load_helper("star_raised");
        self.emit(Instr::Rot3);
        self.emit(Instr::Call(2));
        self.emit(Instr::Pop);
        self.patch_here(done);
        self.patch_here(no_match);
        Ok(())
    }

    fn load_helper(&mut self, helper: &str) {
        let module = self.name_index(HELPERS);
        self.emit(Instr::ImportName(module));
        let function = self.name_index(helper);
        self.emit(Instr::LoadAttr(function));
    }

    /// Replace TOS with `helper(TOS)`.
    fn call_helper_on_top(&mut self, helper: &str) {
        self.load_helper(helper);
        self.emit(Instr::Rot2);
        self.emit(Instr::Call(1));
    }

    /// A `break`, `continue` or `return` that would leave an `except*` clause (CPython
    /// refuses them: the clauses' results are merged after the last one).
    pub(super) fn check_jump_out_of_except_star(&mut self, range: TextRange, from: usize) -> CResult {
        if self.unit().fblocks[from..].iter().any(|b| matches!(b, FBlock::ExceptStarBody)) {
            return Err(self.error(range, CompileErrorKind::Syntax, JUMP_OUT));
        }
        Ok(())
    }
}
