//! Running the next instruction from inside a simple one. Each trip round the interpreter's
//! loop costs a dispatch (the running frame and instruction read again, the instruction
//! counted, the attention point tested, and an indirect jump on the next instruction's kind);
//! after an instruction whose fast path made an int or a truth value, the next one is most
//! often the store or the branch that consumes it (`x = a + b`, `for i in range(n)`, a loop's
//! or an `if`'s test) and runs here, with no trip in between: the `PREDICT` macros of
//! CPython's ceval.c before 3.11 (`COMPARE_OP` predicts `POP_JUMP_IF_FALSE`/`TRUE`,
//! `FOR_ITER` predicts `STORE_FAST`). Pairs are taken only where the first
//! instruction's successor is nearly always one of them: testing for an operand after every
//! `LoadFast` cost more in the object-oriented workloads than it saved in the loops.
//!
//! Invariant: nothing observable changes. The next instruction is taken only when the loop
//! would not have attended to anything after the first ([`unattended`]: the slice's end,
//! a switch request, a tracer, a finalizer all lower the attention point to 0), it is
//! counted as the loop counts it, and the loop attends after it as it would have. Only
//! instructions that cannot fail, block or note a shared access are taken.

use crate::frame::Frame;
use crate::value::Value;
use gilsim_bytecode::Instr;

/// Whether the loop would attend to nothing after the instruction that has just run (and
/// that `icount` counted): then the next one may run from inside it ([`crate::slice_end`]).
/// Tested after the next instruction's kind, which rules most pairs out more cheaply.
#[inline(always)]
pub(crate) fn unattended(icount: u64) -> bool {
    icount < crate::slice_end::attention_at()
}

/// Start the next instruction, once [`unattended`] allowed it: count it and step past it.
/// Returns its index: the instruction the loop then attends after.
#[inline(always)]
pub(crate) fn take_next(frame: &mut Frame, icount: &mut u64) -> usize {
    let at = frame.ip;
    frame.ip += 1;
    *icount += 1;
    at
}

/// Deliver `v`, the value an instruction made: into a local, when the next instruction is a
/// `StoreFast` that may run now (`x = a + b`, `for i in range(n)`), else onto the stack.
#[inline(always)]
pub(crate) fn push_or_store(
    frame: &mut Frame,
    stack: &mut Vec<Value>,
    v: Value,
    instrs: &[Instr],
    icount: &mut u64,
    at: &mut usize,
) {
    if let Some(&Instr::StoreFast(i)) = instrs.get(frame.ip).filter(|_| unattended(*icount)) {
        *at = take_next(frame, icount);
        stack[frame.base + i as usize] = v;
    } else {
        stack.push(v);
    }
}

/// Deliver `truth`, an int comparison's result: as the branch, when the next instruction is
/// a conditional jump that may run now (a loop's or an `if`'s test), else onto the stack.
#[inline(always)]
pub(crate) fn push_or_branch(
    frame: &mut Frame,
    stack: &mut Vec<Value>,
    truth: bool,
    instrs: &[Instr],
    icount: &mut u64,
    at: &mut usize,
) {
    let (target, jump_when) = match instrs.get(frame.ip) {
        Some(&Instr::PopJumpIfFalse(t)) if unattended(*icount) => (t, false),
        Some(&Instr::PopJumpIfTrue(t)) if unattended(*icount) => (t, true),
        _ => {
            stack.push(Value::bool(truth));
            return;
        }
    };
    *at = take_next(frame, icount);
    if truth == jump_when {
        frame.ip = target as usize;
    }
}
