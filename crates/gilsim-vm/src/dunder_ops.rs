//! Operators answered by Python dunders, as resumable dispatches: a binary operator's
//! candidates (`__iop__`, `__op__`, the right operand's `__rop__`) and a rich comparison's
//! (`a.__lt__(b)`, then the reflection `b.__gt__(a)`; `!=` through `__ne__` or an inverted
//! `__eq__`, as `object.__ne__` does). A candidate that answers NotImplemented passes on to
//! the next — CPython's `binary_op1` and `do_richcompare`. Python 2.7 then tries `__cmp__`
//! (`a.__cmp__(b)`, then `b.__cmp__(a)`: `try_3way_compare`). Each step that calls a dunder
//! can be a hook frame ([`crate::hooks`]); its continuation resumes the dispatch at the
//! next candidate.

use crate::hooks::{Hook, Then};
use crate::native::{Args, Control};
use crate::value::Value;
use crate::{Exc, Thread, Vm};
use gilsim_bytecode::{BinOp, CmpOp};

/// A binary operator's dispatch, at candidate `next`.
pub struct BinaryCall {
    pub op: BinOp,
    pub a: Value,
    pub b: Value,
    pub inplace: bool,
    pub next: usize,
}

/// A rich comparison's dispatch, at candidate `next`; `answer`: how the answer of the
/// candidate just called makes the comparison's.
pub struct CompareCall {
    pub op: CmpOp,
    pub a: Value,
    pub b: Value,
    pub next: usize,
    pub answer: Answer,
}

/// How a comparison candidate's answer becomes the comparison's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// As it is (CPython returns what the dunder returned).
    AsIs,
    /// Inverted: `__eq__` standing in for `__ne__`.
    Negated,
    /// Python 2's `__cmp__`: an int below, at or above zero, of `b` against `a` when
    /// `reflected`.
    ThreeWay { reflected: bool },
}

impl Answer {
    /// `a op b` from a `__cmp__` answer `sign` (-1, 0 or 1) of `a` against `b`.
    pub(crate) fn holds(op: CmpOp, sign: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::{Equal, Greater, Less};
        match op {
            CmpOp::Lt => sign == Less,
            CmpOp::Le => sign != Greater,
            CmpOp::Gt => sign == Greater,
            CmpOp::Ge => sign != Less,
            CmpOp::Eq => sign == Equal,
            CmpOp::Ne => sign != Equal,
        }
    }
}

impl Vm {
    /// The sign of a `__cmp__` answer (2.7 takes any int).
    pub(crate) fn three_way_sign(&mut self, answer: &Value) -> Result<std::cmp::Ordering, Control> {
        match crate::int::as_int(answer) {
            Some(n) => Ok(n.big().sign().cmp(&num_bigint::Sign::NoSign)),
            None => Err(self.raise_msg(Exc::TypeError, "comparison did not return an int")),
        }
    }

    /// Try the candidates of `call` from `call.next`; the first answer that is not
    /// NotImplemented is the result.
    pub(crate) fn binary_candidates(
        &mut self,
        th: &mut Thread,
        call: BinaryCall,
        tail: bool,
    ) -> Result<Value, Control> {
        let BinaryCall { op, a, b, inplace, next } = call;
        let name = crate::ops::dunder_for(op);
        let iname = format!("__i{}", &name[2..]);
        let rname = format!("__r{}", &name[2..]);
        let tries = [(inplace, &a, iname.as_str(), &b), (true, &a, name, &b), (true, &b, rname.as_str(), &a)];
        for (i, (wanted, receiver, dunder, other)) in tries.into_iter().enumerate().skip(next) {
            if let (true, Some(m)) = (wanted, self.user_method(receiver, dunder)) {
                let args = vec![receiver.clone(), other.clone()];
                let rest = BinaryCall { op, a: a.clone(), b: b.clone(), inplace, next: i + 1 };
                // Nested, the continuation has already tried the later candidates.
                return self.call_hook_value(th, tail, m, args, Then::Binary(Box::new(rest)));
            }
        }
        self.binary_fallback(th, op, a, b, inplace)
    }

    /// The first dunder written in Python that `a op b` calls from candidate `next` on, as a
    /// hook whose continuation resumes the dispatch; None when no candidate is left.
    pub(crate) fn comparison_hook(&self, op: CmpOp, a: &Value, b: &Value, next: usize) -> Option<Hook> {
        let candidates = if self.options.python.major == 2 { 4 } else { 2 };
        for i in (0..candidates).skip(next) {
            let forward = i % 2 == 0;
            let (receiver, other) = if forward { (a, b) } else { (b, a) };
            let found = if i < 2 {
                self.comparison_dunder(op, receiver, forward)
            } else {
                self.user_method(receiver, "__cmp__").map(|m| (m, Answer::ThreeWay { reflected: !forward }))
            };
            if let Some((callable, answer)) = found {
                let rest = CompareCall { op, a: a.clone(), b: b.clone(), next: i + 1, answer };
                let args = Args::new(vec![receiver.clone(), other.clone()]);
                return Some(Hook { callable, args, then: Then::Compare(Box::new(rest)) });
            }
        }
        None
    }

    /// The dunder `receiver` answers `a op b` with (`forward`: it is `a`), and whether its
    /// answer is inverted.
    fn comparison_dunder(&self, op: CmpOp, receiver: &Value, forward: bool) -> Option<(Value, Answer)> {
        let name = match (op, forward) {
            (CmpOp::Eq, _) => "__eq__",
            (CmpOp::Ne, _) => {
                return match self.user_method(receiver, "__ne__") {
                    Some(m) => Some((m, Answer::AsIs)),
                    None => self.user_method(receiver, "__eq__").map(|m| (m, Answer::Negated)),
                };
            }
            (CmpOp::Lt, true) | (CmpOp::Gt, false) => "__lt__",
            (CmpOp::Le, true) | (CmpOp::Ge, false) => "__le__",
            (CmpOp::Gt, true) | (CmpOp::Lt, false) => "__gt__",
            (CmpOp::Ge, true) | (CmpOp::Le, false) => "__ge__",
        };
        self.user_method(receiver, name).map(|m| (m, Answer::AsIs))
    }

    /// The candidates of `call` from `call.next` (the next one as a hook), or what answers
    /// when none is left.
    fn compare_candidates(&mut self, th: &mut Thread, call: CompareCall) -> Result<Value, Control> {
        let CompareCall { op, a, b, next, .. } = call;
        if let Some(hook) = self.comparison_hook(op, &a, &b, next) {
            return Err(Control::Hook(Box::new(hook)));
        }
        match op {
            CmpOp::Eq | CmpOp::Ne => {
                // Identity, or a built-in subclass's value.
                let equal = match Value::builtin_bases(&a, &b) {
                    None => a.is(&b),
                    Some((x, y)) => self.equal(th, &x, &y)?,
                };
                Ok(Value::bool(equal == (op == CmpOp::Eq)))
            }
            _ => match Value::builtin_bases(&a, &b) {
                // A subclass of a built-in without the dunder: the built-in's ordering.
                Some((x, y)) => self.compare(th, op, &x, &y),
                None => Err(self.raise_msg(
                    Exc::TypeError,
                    format!(
                        "'{}' not supported between instances of '{}' and '{}'",
                        op.symbol(),
                        crate::builtins::type_name_of(&a),
                        crate::builtins::type_name_of(&b)
                    ),
                )),
            },
        }
    }

    /// A candidate's answer: as it is (CPython returns what the dunder returned), inverted
    /// for `__eq__` standing in for `__ne__`; NotImplemented passes on.
    pub(crate) fn compare_answer(
        &mut self,
        th: &mut Thread,
        call: CompareCall,
        answer: Value,
    ) -> Result<Value, Control> {
        if self.is_not_implemented(&answer) {
            return self.compare_candidates(th, call);
        }
        match call.answer {
            Answer::AsIs => Ok(answer),
            Answer::Negated => Ok(Value::bool(!self.truthy(th, &answer)?)),
            Answer::ThreeWay { reflected } => {
                let sign = self.three_way_sign(&answer)?;
                Ok(Value::bool(Answer::holds(call.op, if reflected { sign.reverse() } else { sign })))
            }
        }
    }
}
