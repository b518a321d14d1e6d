//! The `match` statement (PEP 634), compiled as CPython's `compiler_match` does: the subject
//! stays on the stack, each case tries its pattern on a copy, and a failing test jumps to a
//! "fail-pop" ladder that pops what the pattern had pushed before going on to the next case
//! (`pattern_context.fail_pop`). The structural checks CPython makes in single instructions
//! (MATCH_SEQUENCE, MATCH_MAPPING/MATCH_KEYS, MATCH_CLASS) are calls of library/gilsim_match.py,
//! each returning None or the values the sub-patterns match, which are then unpacked.
//!
//! Invariant of [`Compiler::pattern`]: the value to match is on top of the stack and counted in
//! `on_top` (the items above the case's base); on success it has been consumed; on failure
//! control reaches `fails[k]` with exactly `k` items above the base.

use super::{CResult, Compiler};
use gilsim_bytecode::{CmpOp, Const, Instr};
use ruff_python_ast::{self as ast, Pattern};
use ruff_text_size::Ranged;

/// Forward jumps taken when a test fails, by how many items they leave above the base.
#[derive(Default)]
pub(super) struct Fails(Vec<Vec<usize>>);

impl Fails {
    fn add(&mut self, pops: usize, jump: usize) {
        if self.0.len() <= pops {
            self.0.resize_with(pops + 1, Vec::new);
        }
        self.0[pops].push(jump);
    }
}

/// The library module whose functions make the structural checks.
const HELPERS: &str = "_gilsim_match";

impl<'s, 'src, 'a> Compiler<'s, 'src, 'a> {
    pub(super) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult {
        self.expr(&m.subject)?;
        let mut to_end = Vec::new();
        for case in &m.cases {
            self.set_line(case.range);
            let mut fails = Fails::default();
            self.emit(Instr::Dup);
            self.pattern(&case.pattern, 1, &mut fails)?;
            if let Some(guard) = &case.guard {
                self.expr(guard)?;
                let jump = self.emit(Instr::PopJumpIfFalse(0));
                fails.add(0, jump);
            }
            self.emit(Instr::Pop);
            self.body(&case.body)?;
            to_end.push(self.emit(Instr::Jump(0)));
            self.fail_ladder(fails);
        }
        self.emit(Instr::Pop);
        for jump in to_end {
            self.patch_here(jump);
        }
        Ok(())
    }

    /// Where the failures land: pop down to the base, then fall through.
    fn fail_ladder(&mut self, fails: Fails) {
        for (pops, jumps) in fails.0.into_iter().enumerate().rev() {
            for jump in jumps {
                self.patch_here(jump);
            }
            if pops > 0 {
                self.emit(Instr::Pop);
            }
        }
    }

    /// Pop the boolean on top and fail (leaving `on_top` items) when it is false.
    fn fail_if_false(&mut self, on_top: usize, fails: &mut Fails) {
        let jump = self.emit(Instr::PopJumpIfFalse(0));
        fails.add(on_top, jump);
    }

    fn pattern(&mut self, pattern: &'a Pattern, on_top: usize, fails: &mut Fails) -> CResult {
        self.set_line(pattern.range());
        match pattern {
            Pattern::MatchValue(p) => {
                self.expr(&p.value)?;
                self.emit(Instr::Compare(CmpOp::Eq));
                self.fail_if_false(on_top - 1, fails);
            }
            Pattern::MatchSingleton(p) => {
                let value = match p.value {
                    ast::Singleton::None => Const::None,
                    ast::Singleton::True => Const::Bool(true),
                    ast::Singleton::False => Const::Bool(false),
                };
                self.emit_const(value);
                self.emit(Instr::Is(false));
                self.fail_if_false(on_top - 1, fails);
            }
            Pattern::MatchAs(p) => match (&p.pattern, &p.name) {
                (None, None) => {
                    self.emit(Instr::Pop);
                }
                (None, Some(name)) => self.store_name(name.id.as_str()),
                (Some(inner), None) => self.pattern(inner, on_top, fails)?,
                (Some(inner), Some(name)) => {
                    self.emit(Instr::Dup);
                    self.pattern(inner, on_top + 1, fails)?;
                    self.store_name(name.id.as_str());
                }
            },
            Pattern::MatchStar(p) => match &p.name {
                Some(name) => self.store_name(name.id.as_str()),
                None => {
                    self.emit(Instr::Pop);
                }
            },
            Pattern::MatchSequence(p) => {
                let star = p.patterns.iter().position(Pattern::is_match_star).map_or(-1, |i| i as i64);
                let length = p.patterns.len() as i64;
                let args = |c: &mut Self| {
                    c.emit_const(Const::Int(length));
                    c.emit_const(Const::Int(star));
                    Ok(2)
                };
                self.structural("sequence", on_top, fails, args)?;
                self.sub_patterns(p.patterns.iter(), p.patterns.len(), on_top, fails)?;
            }
            Pattern::MatchMapping(p) => {
                let args = |c: &mut Self| {
                    for key in &p.keys {
                        c.expr(key)?;
                    }
                    c.emit(Instr::BuildTuple(p.keys.len() as u32));
                    c.emit_const(Const::Bool(p.rest.is_some()));
                    Ok(2)
                };
                self.structural("mapping", on_top, fails, args)?;
                // The rest dict, when asked for, comes last: it is left on top for its name.
                let count = p.patterns.len() + usize::from(p.rest.is_some());
                self.sub_patterns(p.patterns.iter(), count, on_top, fails)?;
                if let Some(rest) = &p.rest {
                    self.store_name(rest.id.as_str());
                }
            }
            Pattern::MatchClass(p) => {
                let arguments = &p.arguments;
                let args = |c: &mut Self| {
                    c.expr(&p.cls)?;
                    c.emit_const(Const::Int(arguments.patterns.len() as i64));
                    let names = arguments.keywords.iter().map(|k| Const::Str(k.attr.id.to_string())).collect();
                    c.emit_const(Const::Tuple(names));
                    Ok(3)
                };
                self.at_class_pattern(p, |c| c.structural("class_", on_top, fails, args))?;
                let subs = arguments.patterns.iter().chain(arguments.keywords.iter().map(|k| &k.pattern));
                let count = arguments.patterns.len() + arguments.keywords.len();
                self.sub_patterns(subs, count, on_top, fails)?;
            }
            Pattern::MatchOr(p) => {
                let mut to_end = Vec::new();
                let (last, alternatives) = p.patterns.split_last().expect("an or-pattern has alternatives");
                for alternative in alternatives {
                    let mut alternative_fails = Fails::default();
                    self.emit(Instr::Dup);
                    self.pattern(alternative, on_top + 1, &mut alternative_fails)?;
                    self.emit(Instr::Pop);
                    to_end.push(self.emit(Instr::Jump(0)));
                    // A failed alternative leaves at least the value (`on_top` items): pop back
                    // to it and try the next.
                    debug_assert!(alternative_fails.0.iter().take(on_top).all(Vec::is_empty));
                    self.fail_ladder(Fails(alternative_fails.0.into_iter().skip(on_top).collect()));
                }
                self.pattern(last, on_top, fails)?;
                for jump in to_end {
                    self.patch_here(jump);
                }
            }
        }
        Ok(())
    }

    /// Call `_gilsim_match.<helper>(value, ...)` on the value on top (`args` pushes the other
    /// arguments and says how many), fail if it returns None, and leave its list of values in
    /// the value's place.
    fn structural(
        &mut self,
        helper: &str,
        on_top: usize,
        fails: &mut Fails,
        args: impl FnOnce(&mut Self) -> CResult<u32>,
    ) -> CResult {
        let module = self.name_index(HELPERS);
        self.emit(Instr::ImportName(module));
        let function = self.name_index(helper);
        self.emit(Instr::LoadAttr(function));
        self.emit(Instr::Rot2);
        let argc = 1 + args(self)?;
        self.emit(Instr::Call(argc));
        self.emit(Instr::Dup);
        self.emit_const(Const::None);
        self.emit(Instr::Is(true));
        self.fail_if_false(on_top, fails);
        Ok(())
    }

    /// Unpack the list of `count` values on top (in the matched value's place) and match the
    /// first ones against `subs`, in order.
    fn sub_patterns(
        &mut self,
        subs: impl Iterator<Item = &'a Pattern>,
        count: usize,
        on_top: usize,
        fails: &mut Fails,
    ) -> CResult {
        self.emit(Instr::UnpackSequence(count as u32));
        for (i, sub) in subs.enumerate() {
            self.pattern(sub, on_top - 1 + count - i, fails)?;
        }
        Ok(())
    }
}
