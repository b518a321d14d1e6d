//! `a + b` and `a += b` of two strs. A loop that builds text (`s += piece`) grows one str in
//! place, as CPython's does: when the sum goes straight back into the local that held `a`
//! (the next instruction is that local's `StoreFast`), the local lets go of it first, and a
//! str nothing else holds is appended to rather than copied (CPython 3.11's
//! `BINARY_OP_INPLACE_ADD_UNICODE`; `unicode_concatenate` before it). Without this, building
//! an n-character string that way copied O(n²) characters.
//!
//! Invariant: only a str no other value holds is changed (`Rc::get_mut`); the memory meter is
//! charged as for a new str either way, so runs measure, raise `MemoryError` and end slices
//! exactly where they did.

use crate::native::Control;
use crate::value::{Str, Value};
use crate::{Thread, Vm};
use gilsim_bytecode::{BinOp, Instr};

impl Vm {
    /// A binary operation the interpreter loop has no inline path for; `next` is the
    /// instruction after it. Out of line: the loop's registers stay its own.
    #[inline(never)]
    pub(crate) fn binary_other(
        &mut self,
        th: &mut Thread,
        op: BinOp,
        a: Value,
        b: Value,
        inplace: bool,
        next: Option<Instr>,
    ) -> Result<Value, Control> {
        if op == BinOp::Add && matches!((&a, &b), (Value::Str(_), Value::Str(_))) {
            return self.add_strs(th, a, b, next);
        }
        self.at_tail().binary_op(th, op, a, b, inplace)
    }

    /// `a + b` of two strs (`Value::Str` both); `next` is the instruction after the addition.
    fn add_strs(&mut self, th: &mut Thread, a: Value, b: Value, next: Option<Instr>) -> Result<Value, Control> {
        let (Value::Str(mut text), Value::Str(tail)) = (a, b) else { unreachable!("two strs") };
        self.charge(text.len() as u64 + tail.len() as u64)?;
        if let (Some(Instr::StoreFast(local)), Some(frame)) = (next, th.frames.last()) {
            let slot = &mut th.stack[frame.base + local as usize];
            if matches!(slot, Value::Str(held) if Str::ptr_eq(held, &text)) {
                // Stored again by the very next instruction.
                *slot = Value::Undefined;
            }
        }
        if !text.append(&tail) {
            text = text.concat(&tail);
        }
        Ok(Value::Str(text))
    }
}
