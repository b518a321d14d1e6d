//! When the running slice ends. After every instruction the interpreter compares the
//! instruction count with one threshold, the *attention point*: the slice's budget end, or 0
//! while anything else may need the loop's attention — the slice's breaker is set (any switch
//! point ends it), the old GIL counts ticks (python-semantics.md §2: every instruction but a
//! few costs one), the run is interrupted (a heap measurement is due, or output passed its
//! limit), an object waits for its `__del__`, or a thread of the run was traced
//! (`crate::settrace`). Only past the threshold does the loop look
//! at each of them ([`Vm::attend`]): testing them one by one after every instruction, with
//! their operands spilled, cost ~17 machine instructions of the ~48 the dispatch took.
//!
//! The threshold is thread-local rather than a VM field because objects are queued for
//! `__del__` in `Drop`, which has no VM ([`crate::finalizers`]). Invariant: while a VM runs
//! code, the threshold is at most the instruction count at which anything above needs
//! attention; [`Vm::run`] sets it at each slice's start and `Vm::new` sets it to 0, so one
//! left by an earlier run or VM on the same thread never matters.

use crate::{SliceEnd, Thread, Vm};
use gilsim_bytecode::Instr;
use std::cell::Cell;

thread_local! {
    static ATTENTION_AT: Cell<u64> = const { Cell::new(0) };
}

/// The instruction count from which the loop attends to the slice's end.
#[inline]
pub(crate) fn attention_at() -> u64 {
    ATTENTION_AT.get()
}

/// Make the loop attend after the instruction running now (an object was queued for its
/// finalizer).
pub(crate) fn attend_now() {
    ATTENTION_AT.set(0);
}

impl Vm {
    /// Set the attention point for the slice starting (its breaker, budget and the run's
    /// state are set).
    pub(crate) fn set_attention(&self) {
        let anything_else = self.breaker || self.interrupt || self.tick_interval != 0 || self.tracing;
        ATTENTION_AT.set(if anything_else { 0 } else { self.stop_at });
    }

    /// After `instr` (a switch point if `check`), once the instruction count has reached the
    /// attention point: the trace function's events (`crate::settrace`), run the finalizers
    /// due, and say how the slice ends here, if it does. A
    /// nested execution (a callback run to its end) counts the old GIL's ticks but never
    /// ends early.
    pub(crate) fn attend(&mut self, th: &mut Thread, instr: Instr, check: bool, top_level: bool) -> Option<SliceEnd> {
        if self.tracing {
            if let Some(end) = self.traced(th, Some(instr)) {
                return Some(end);
            }
        }
        if crate::finalizers::any_pending() {
            self.run_finalizers(th);
            self.set_attention();
        }
        let end = if self.tick_interval != 0 && instr.costs_tick() && !self.in_c(th) && self.tick() && top_level {
            Some(SliceEnd::Breaker)
        } else if !top_level {
            None
        } else if check && self.breaker && !self.in_c(th) {
            // Code standing in for C offers no switch: the slice ends at the first switch
            // point after it returns.
            Some(SliceEnd::Breaker)
        } else if self.icount >= self.stop_at || self.interrupt {
            // Not a switch (timers, limits): a run's limits hold inside C stand-ins too.
            Some(SliceEnd::Budget)
        } else {
            None
        };
        if end.is_some() {
            th.resumes_after_jump = matches!(instr, Instr::JumpBackward(_));
        }
        end
    }

    /// Whether `th` runs library code standing in for CPython's C code, which offers no switch
    /// (`gilsim_bytecode::CodeFlags::written_in_c`).
    fn in_c(&self, th: &Thread) -> bool {
        th.frames.last().is_some_and(|frame| self.program.codes[frame.code as usize].flags.written_in_c)
    }

    /// End the running slice before its next instruction, and every slice until the runtime
    /// has done what `interrupt` asks.
    pub(crate) fn interrupt(&mut self) {
        self.interrupt = true;
        attend_now();
    }

    /// The old GIL's tick: every `check_interval` ticks the holder offers the GIL (true).
    fn tick(&mut self) -> bool {
        if self.ticks_left == 0 {
            self.ticks_left = self.tick_interval;
            true
        } else {
            self.ticks_left -= 1;
            false
        }
    }
}
