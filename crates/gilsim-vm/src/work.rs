//! The time arithmetic on huge integers takes. One multiplication of two numbers of millions
//! of digits runs for seconds to hours (CPython holds the GIL all along), and no instruction
//! boundary falls inside it, so neither `--max-steps` nor `--max-time` could stop it. The VM
//! estimates such an operation's work before doing it and counts it as instructions — the
//! virtual clock advances by as much, as CPython's would — and when that would pass
//! `--max-steps` the run stops at the step limit instead of computing.
//!
//! Invariant: the estimate is a function of the operands' sizes alone (deterministic), and
//! small operations (below [`FREE_LIMBS`] 64-bit limbs) cost nothing extra.

use crate::native::{Control, Request};
use crate::value::Value;
use crate::Vm;

/// Operands up to this many 64-bit limbs are cheap enough to count as one instruction.
const FREE_LIMBS: f64 = 64.0;

/// Limb operations per instruction: about the time an instruction takes.
const LIMB_OPS_PER_STEP: f64 = 8.0;

impl Vm {
    /// Count a multiplication (or power) whose result has `result_bits` bits: its work grows
    /// as a subquadratic power of the size (num-bigint's Karatsuba and Toom-3).
    pub(crate) fn charge_multiplication(&mut self, result_bits: u64) -> Result<(), Control> {
        let limbs = result_bits as f64 / 64.0;
        if limbs <= FREE_LIMBS {
            return Ok(());
        }
        self.charge_work(limbs.powf(1.5))
    }

    /// Count a conversion between a `bits`-bit int and its decimal text (quadratic).
    pub(crate) fn charge_conversion(&mut self, bits: u64) -> Result<(), Control> {
        let limbs = bits as f64 / 64.0;
        if limbs <= FREE_LIMBS {
            return Ok(());
        }
        self.charge_work(limbs * limbs / 4.0)
    }

    /// Count `limb_ops` of work as instructions; past `--max-steps` stop the run there (the
    /// thread yields and the runtime finds the step limit reached before it runs again).
    fn charge_work(&mut self, limb_ops: f64) -> Result<(), Control> {
        let steps = (limb_ops / LIMB_OPS_PER_STEP).min(u64::MAX as f64) as u64;
        let limit = self.options.max_steps;
        if self.icount.saturating_add(steps) >= limit {
            self.icount = self.icount.max(limit);
            self.interrupt();
            return Err(Control::block(Request::Yield { result: Value::None }));
        }
        self.icount += steps;
        Ok(())
    }
}
