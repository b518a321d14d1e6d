//! Operators on values: arithmetic, comparison, truth, containment (iteration is in
//! [`crate::iterators`], subscripts in [`crate::subscript`]). Instances with Python dunder
//! methods are called through [`Vm::call_nested`].

use crate::dict::PySet;
use crate::footprint::PyCell;
use crate::int;
use crate::native::{Args, Control};
use crate::value::{Class, Truth, Value};
use crate::Exc;
use crate::{Thread, Vm};
use gilsim_bytecode::{BinOp, CmpOp, UnaryOp};
use std::cmp::Ordering;
use std::rc::Rc;

/// Whether a class attribute is a method the interpreter's operations call as a Python
/// class's dunder: a Python function, or one of the native slots of a library class (the
/// deque's `__bool__` and `__getitem__`, C slots in CPython; see [`crate::modules::deque`]).
pub(crate) fn is_user_method(method: &Value) -> bool {
    match method {
        Value::Function(_) => true,
        Value::Native(native) => crate::modules::deque::is_slot(native),
        _ => false,
    }
}

pub fn cmp_ord(op: CmpOp, ord: Ordering) -> bool {
    match op {
        CmpOp::Lt => ord == Ordering::Less,
        CmpOp::Le => ord != Ordering::Greater,
        CmpOp::Eq => ord == Ordering::Equal,
        CmpOp::Ne => ord != Ordering::Equal,
        CmpOp::Gt => ord == Ordering::Greater,
        CmpOp::Ge => ord != Ordering::Less,
    }
}

pub(crate) fn dunder_for(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "__add__",
        BinOp::Sub => "__sub__",
        BinOp::Mul => "__mul__",
        BinOp::TrueDiv => "__truediv__",
        BinOp::FloorDiv => "__floordiv__",
        BinOp::ClassicDiv => "__div__",
        BinOp::Mod => "__mod__",
        BinOp::Pow => "__pow__",
        BinOp::LShift => "__lshift__",
        BinOp::RShift => "__rshift__",
        BinOp::And => "__and__",
        BinOp::Or => "__or__",
        BinOp::Xor => "__xor__",
        BinOp::MatMul => "__matmul__",
    }
}

impl Vm {
    pub(crate) fn class_of(&self, v: &Value) -> Rc<Class> {
        let t = &self.types;
        match v {
            Value::Undefined | Value::None => t.none.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) | Value::Long(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str_.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::ByteArray(_) => t.bytearray.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::List(_) => t.list.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(s) if s.borrow_unnoted().is_frozen() => t.frozenset.clone(),
            Value::Set(_) => t.set.clone(),
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Function(f) if f.presents_as_builtin => t.builtin_function.clone(),
            Value::Function(_) => t.function.clone(),
            Value::Native(_) => t.builtin_function.clone(),
            // A built-in method bound to its object (`[].append`) is CPython's
            // builtin_function_or_method, as the function is.
            Value::BoundMethod(m) if matches!(m.1, Value::Native(_)) => t.builtin_function.clone(),
            Value::BoundMethod(_) => t.method.clone(),
            Value::Class(c) => c.metaclass.clone().unwrap_or_else(|| t.type_.clone()),
            Value::Instance(i) => i.class.clone(),
            Value::Module(_) => t.module.clone(),
            Value::Iterator(state) => t.iterators[state.borrow_unnoted().type_index()].clone(),
            Value::Cell(_) => t.iterators[0].clone(),
            Value::View(view) => t.dict_views[view.class_index()].clone(),
            Value::Descriptor(_) => t.property.clone(),
        }
    }

    /// The `NotImplemented` singleton a dunder returns to pass an operation on.
    pub(crate) fn is_not_implemented(&self, v: &Value) -> bool {
        matches!(v, Value::Instance(i) if Rc::ptr_eq(&i.class, &self.types.not_implemented))
    }

    /// The method `name` a Python class gives its instances (or a metaclass its classes), as
    /// [`is_user_method`] tells.
    pub(crate) fn user_method(&self, v: &Value, name: &str) -> Option<Value> {
        match v {
            Value::Instance(inst) => inst.class.lookup(name).filter(is_user_method),
            // A class's operations are its metaclass's methods.
            Value::Class(c) => {
                c.metaclass.as_ref().and_then(|m| m.lookup(name)).filter(|m| matches!(m, Value::Function(_)))
            }
            _ => None,
        }
    }

    pub(crate) fn binary_op(
        &mut self,
        th: &mut Thread,
        op: BinOp,
        a: Value,
        b: Value,
        inplace: bool,
    ) -> Result<Value, Control> {
        let tail = self.take_tail();
        if let Some(r) = self.numeric_binary(op, &a, &b)? {
            return Ok(r);
        }
        if matches!((&a, &b), (Value::View(_), _) | (_, Value::View(_))) {
            if let Some(r) = self.view_binary(th, op, &a, &b)? {
                return Ok(r);
            }
        }
        if matches!((&a, &b), (Value::ByteArray(_), _) | (_, Value::ByteArray(_))) {
            if let Some(r) = self.bytearray_binary(op, &a, &b, inplace)? {
                return Ok(r);
            }
        }
        if matches!((&a, &b), (Value::Bytes(_), _) | (_, Value::Bytes(_))) {
            if let Some(r) = self.bytes_binary(op, &a, &b)? {
                return Ok(r);
            }
        }
        match (op, &a, &b) {
            (BinOp::Add, Value::Str(x), Value::Str(y)) => {
                self.charge(x.len() as u64 + y.len() as u64)?;
                return Ok(Value::Str(x.concat(y)));
            }
            (BinOp::Add, Value::List(x), Value::List(y)) => {
                if inplace {
                    let items = y.borrow().clone();
                    self.charge_slots(items.len(), 0)?;
                    x.borrow_mut().extend(items);
                    return Ok(a.clone());
                }
                let (x, y) = (x.borrow(), y.borrow());
                self.charge_slots(x.len() + y.len(), 0)?;
                let mut items = x.clone();
                items.extend(y.iter().cloned());
                return Ok(Value::list(items));
            }
            (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
                self.charge_slots(x.len() + y.len(), 0)?;
                let mut items = x.to_vec();
                items.extend(y.iter().cloned());
                return Ok(Value::tuple(items));
            }
            (BinOp::Mul, Value::Str(_) | Value::List(_) | Value::Tuple(_), Value::Long(_))
            | (BinOp::Mul, Value::Long(_), Value::Str(_) | Value::List(_) | Value::Tuple(_)) => {
                return Err(self.raise_msg(Exc::OverflowError, "cannot fit 'int' into an index-sized integer"));
            }
            (BinOp::Mul, Value::Str(s), Value::Int(n)) | (BinOp::Mul, Value::Int(n), Value::Str(s)) => {
                let count = (*n).max(0) as u64;
                let Some(bytes) = (s.len() as u64).checked_mul(count).filter(|&b| b <= isize::MAX as u64) else {
                    return Err(self.raise_msg(Exc::OverflowError, "repeated string is too long"));
                };
                self.charge(bytes)?;
                return Ok(Value::str(&s.repeat(count as usize)));
            }
            (BinOp::Mul, Value::List(l), Value::Int(n)) | (BinOp::Mul, Value::Int(n), Value::List(l)) => {
                let items = l.borrow();
                self.charge_repeat(items.len(), *n)?;
                let mut out = Vec::with_capacity(items.len() * (*n).max(0) as usize);
                for _ in 0..(*n).max(0) {
                    out.extend(items.iter().cloned());
                }
                return Ok(Value::list(out));
            }
            (BinOp::Mul, Value::Tuple(t), Value::Int(n)) | (BinOp::Mul, Value::Int(n), Value::Tuple(t)) => {
                self.charge_repeat(t.len(), *n)?;
                let mut out = Vec::with_capacity(t.len() * (*n).max(0) as usize);
                for _ in 0..(*n).max(0) {
                    out.extend(t.iter().cloned());
                }
                return Ok(Value::tuple(out));
            }
            (BinOp::Mod, Value::Str(fmt), _) => return self.percent_format(th, fmt, &b, tail),
            (BinOp::Mod, Value::Bytes(fmt), _) if self.options.python.major == 3 => {
                return self.percent_format_bytes(th, fmt, &b, crate::percent::PercentOutput::Bytes)
            }
            (BinOp::Mod, Value::ByteArray(fmt), _) if self.options.python.major == 3 => {
                let fmt = fmt.borrow().clone();
                return self.percent_format_bytes(th, &fmt, &b, crate::percent::PercentOutput::ByteArray);
            }
            // `a | b` and `a |= b` of dicts (3.9+, PEP 584): b's items over a copy of a, or over
            // a itself (which takes any mapping or iterable of pairs, as dict.update does).
            (BinOp::Or, Value::Dict(x), _)
                if self.options.python >= gilsim_core::PythonVersion::new(3, 9)
                    && (inplace || matches!(b, Value::Dict(_))) =>
            {
                let target = if inplace {
                    a.clone()
                } else {
                    let copy = x.borrow().clone();
                    self.charge_slots(copy.len(), 0)?;
                    Value::Dict(Rc::new(PyCell::new(copy)))
                };
                crate::methods::update_dict(self, th, &target, &b)?;
                return Ok(target);
            }
            // A frozenset has no in-place operators: `f |= t` makes a new one.
            (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Value::Set(x), Value::Set(y))
                if inplace && !x.borrow_unnoted().is_frozen() =>
            {
                // `s |= t` and friends change `s` itself (CPython's set_ior, ...).
                let other = y.borrow().clone();
                let mut target = x.borrow_mut();
                match op {
                    BinOp::Or => target.merge(&other),
                    BinOp::And => *target = target.intersection(&other),
                    BinOp::Sub => other.iter().for_each(|k| {
                        target.remove(k);
                    }),
                    _ => target.toggle(&other),
                }
                drop(target);
                return Ok(a.clone());
            }
            (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Value::Set(x), Value::Set(y)) => {
                let (frozen, s) = {
                    let (x, y) = (x.borrow(), y.borrow());
                    let s = match op {
                        BinOp::Or => x.union(&y),
                        BinOp::And => x.intersection(&y),
                        BinOp::Sub => x.difference(&y),
                        _ => x.symmetric_difference(&y),
                    };
                    (x.is_frozen(), s)
                };
                // The result has the left operand's type, as CPython's set_or and friends.
                return if frozen { self.freeze(th, s) } else { Ok(Value::Set(Rc::new(PyCell::new(s)))) };
            }
            _ => {}
        }
        self.binary_candidates(th, crate::dunder_ops::BinaryCall { op, a, b, inplace, next: 0 }, tail)
    }

    /// What no candidate dunder answered: a built-in base's operation, or the TypeError.
    pub(crate) fn binary_fallback(
        &mut self,
        th: &mut Thread,
        op: BinOp,
        a: Value,
        b: Value,
        inplace: bool,
    ) -> Result<Value, Control> {
        if let Some((x, y)) = Value::builtin_bases(&a, &b) {
            // A built-in's subclass without the operator's dunder: the built-in's operation
            // (an in-place one changes a container's own items and keeps the instance).
            let result = self.binary_op(th, op, x.clone(), y, inplace)?;
            return Ok(if inplace && result.is(&x) { a } else { result });
        }
        let type_operand = |v: &Value| matches!(v, Value::Class(_) | Value::None);
        if op == BinOp::Or
            && self.options.python >= gilsim_core::PythonVersion::new(3, 10)
            && type_operand(&a)
            && type_operand(&b)
            && !(matches!(a, Value::None) && matches!(b, Value::None))
        {
            // `int | None` (PEP 604): type.__or__ makes a types.UnionType.
            let union_of = self.library_attr(th, "_gilsim_union", "union_of")?;
            return self.call_nested(th, union_of, crate::native::Args::new(vec![a, b]));
        }
        if op == BinOp::Pow {
            if let (Some(x), Some(y)) = (self.float_operand(&a)?, self.float_operand(&b)?) {
                // A negative number to a fractional power (the float power refused it).
                let float_pow = self.library_attr(th, "_gilsim_complex", "float_pow")?;
                return self.call_nested(th, float_pow, Args::new(vec![Value::float(x), Value::float(y)]));
            }
        }
        if let (BinOp::Add, Value::Bytes(_)) = (op, &a) {
            let message = format!("can't concat {} to bytes", crate::builtins::type_name_of(&b));
            return Err(self.raise_msg(Exc::TypeError, message));
        }
        if let (BinOp::Add, Value::Str(_) | Value::List(_) | Value::Tuple(_)) = (op, &a) {
            // The sequence's own concatenation refused the operand (CPython's sq_concat).
            let (mine, theirs) = (crate::builtins::type_name_of(&a), crate::builtins::type_name_of(&b));
            let message = if mine == "str" && self.options.python < gilsim_core::PythonVersion::new(3, 7) {
                format!("must be str, not {theirs}")
            } else {
                format!("can only concatenate {mine} (not \"{theirs}\") to {mine}")
            };
            return Err(self.raise_msg(Exc::TypeError, message));
        }
        if op == BinOp::Mul {
            // A sequence's repeat refused a count that is no int (CPython's sq_repeat, which
            // takes the left operand as the sequence when both are).
            let sequence = |v: &Value| {
                matches!(v, Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_) | Value::List(_) | Value::Tuple(_))
            };
            let count = if sequence(&a) { Some(&b) } else { sequence(&b).then_some(&a) };
            if let Some(count) = count {
                let message =
                    format!("can't multiply sequence by non-int of type '{}'", crate::builtins::type_name_of(count));
                return Err(self.raise_msg(Exc::TypeError, message));
            }
        }
        let symbol = if inplace { format!("{}=", op.symbol()) } else { op.symbol().to_string() };
        Err(self.raise_msg(
            Exc::TypeError,
            format!(
                "unsupported operand type(s) for {symbol}: '{}' and '{}'",
                crate::builtins::type_name_of(&a),
                crate::builtins::type_name_of(&b)
            ),
        ))
    }

    /// A number as a float operand (an int too large for a float raises OverflowError).
    pub(crate) fn float_operand(&mut self, v: &Value) -> Result<Option<f64>, Control> {
        Ok(match v {
            Value::Float(f) => Some(f.get()),
            other => match int::as_int(other) {
                Some(i) => Some(int::to_f64(self, i)?),
                None => None,
            },
        })
    }

    fn numeric_binary(&mut self, op: BinOp, a: &Value, b: &Value) -> Result<Option<Value>, Control> {
        if let (Some(x), Some(y)) = (int::as_int(a), int::as_int(b)) {
            // Python 2's `/` of two ints floors (and says "integer division or modulo by zero").
            let op = if op == BinOp::ClassicDiv { BinOp::FloorDiv } else { op };
            if op == BinOp::MatMul {
                return Ok(None);
            }
            let bools = matches!((a, b), (Value::Bool(_), Value::Bool(_)));
            let r = self.int_binary(op, x, y)?;
            return Ok(Some(match r {
                Value::Int(v) if bools && matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) => Value::bool(v != 0),
                r => r,
            }));
        }
        let (Some(x), Some(y)) = (self.float_operand(a)?, self.float_operand(b)?) else {
            return Ok(None);
        };
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::TrueDiv | BinOp::ClassicDiv => {
                if y == 0.0 {
                    return Err(self.raise_msg(Exc::ZeroDivisionError, "float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(self.raise_msg(Exc::ZeroDivisionError, "float floor division by zero"));
                }
                (x / y).floor()
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.raise_msg(Exc::ZeroDivisionError, "float modulo"));
                }
                let r = x % y;
                if r != 0.0 && (r < 0.0) != (y < 0.0) {
                    r + y
                } else {
                    r
                }
            }
            BinOp::Pow => match self.float_pow(x, y)? {
                crate::float_pow::FloatPow::Float(r) => r,
                // The complex power: `binary_fallback`'s.
                crate::float_pow::FloatPow::Complex => return Ok(None),
            },
            _ => return Ok(None),
        };
        Ok(Some(Value::float(r)))
    }

    #[inline(always)]
    pub(crate) fn unary_op(&mut self, th: &mut Thread, op: UnaryOp, a: Value) -> Result<Value, Control> {
        let tail = self.take_tail();
        match (op, &a) {
            (UnaryOp::Not, v) => Ok(Value::bool(!self.truthy(th, v)?)),
            (UnaryOp::Neg, Value::Float(f)) => Ok(Value::float(-f.get())),
            (UnaryOp::Pos, Value::Float(_) | Value::Int(_) | Value::Long(_)) => Ok(a.clone()),
            (UnaryOp::Pos, Value::Bool(b)) => Ok(Value::Int(i64::from(*b))),
            (UnaryOp::Neg | UnaryOp::Invert, Value::Int(_) | Value::Bool(_) | Value::Long(_)) => {
                let i = int::as_int(&a).expect("an int");
                let negated = self.int_neg(i);
                if op == UnaryOp::Neg {
                    return Ok(negated);
                }
                // ~x == -(x + 1) == -x - 1
                self.int_binary(BinOp::Sub, int::as_int(&negated).expect("an int"), int::Int::Small(1))
            }
            (UnaryOp::Neg | UnaryOp::Pos | UnaryOp::Invert, Value::Instance(_) | Value::Class(_))
                if self.user_method(&a, op.dunder()).is_some() =>
            {
                let method = self.user_method(&a, op.dunder()).expect("checked");
                self.call_hook_value(th, tail, method, vec![a], crate::hooks::Then::Value)
            }
            (_, Value::Instance(_)) if crate::immutable_subclass::immutable_base(&a).is_some() => {
                self.unary_op_of_base(th, op, &a)
            }
            _ => {
                let symbol = match op {
                    UnaryOp::Neg => "unary -",
                    UnaryOp::Pos => "unary +",
                    UnaryOp::Invert => "unary ~",
                    UnaryOp::Not => "not",
                };
                Err(self.raise_msg(
                    Exc::TypeError,
                    format!("bad operand type for {symbol}: '{}'", crate::builtins::type_name_of(&a)),
                ))
            }
        }
    }

    /// A subclass of int or float without the operator's dunder: the built-in's operation on
    /// its value. Out of line, so that `unary_op` stays inlinable (it is not recursive).
    #[inline(never)]
    fn unary_op_of_base(&mut self, th: &mut Thread, op: UnaryOp, a: &Value) -> Result<Value, Control> {
        let base = crate::immutable_subclass::immutable_base(a).expect("an immutable built-in's subclass").clone();
        self.unary_op(th, op, base)
    }

    pub(crate) fn truthy(&mut self, th: &mut Thread, v: &Value) -> Result<bool, Control> {
        Ok(match v {
            Value::None | Value::Undefined => false,
            Value::Bool(b) => b.get(),
            Value::Int(i) => *i != 0,
            Value::Float(f) => f.get() != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::ByteArray(b) => !b.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.borrow().is_empty(),
            Value::View(view) => !view.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Instance(inst) => {
                match self.truth_method(inst) {
                    Some((m, false)) => {
                        let r = match self.fast_slot(&m, std::slice::from_ref(v)) {
                            Some(r) => r,
                            None => self.call_nested(th, m, Args::new(vec![v.clone()]))?,
                        };
                        return self.truthy(th, &r);
                    }
                    Some((m, true)) => {
                        let r = self.call_nested(th, m, Args::new(vec![v.clone()]))?;
                        return Ok(!matches!(r, Value::Int(0)));
                    }
                    None => {}
                }
                // Under Python 2 a native `__len__` the library gives its class (the deque's:
                // 2 reads no `__bool__`, so an empty deque is false by its length).
                if self.options.python.major == 2 {
                    if let Some(m) = inst.class.lookup("__len__").filter(|m| matches!(m, Value::Native(_))) {
                        let r = self.call_nested(th, m, Args::new(vec![v.clone()]))?;
                        return Ok(!matches!(r, Value::Int(0)));
                    }
                }
                match v.builtin_base() {
                    Some(base) => self.truthy(th, &base.clone())?,
                    None => true,
                }
            }
            _ => true,
        })
    }

    /// Run `f` one level deeper in native recursion (a container's items compared or shown):
    /// it counts against the recursion limit with the Python frames, as CPython's C recursion
    /// does, so that deep data raises RecursionError (CPython's message, ending in `what`).
    pub(crate) fn nested<R>(
        &mut self,
        th: &mut Thread,
        what: &str,
        f: impl FnOnce(&mut Vm, &mut Thread) -> Result<R, Control>,
    ) -> Result<R, Control> {
        if th.frames.len() + self.native_depth >= self.interp.recursion_limit
            || self.native_depth >= crate::MAX_NATIVE_DEPTH
        {
            return Err(self.raise_msg(Exc::RecursionError, format!("maximum recursion depth exceeded{what}")));
        }
        self.native_depth += 1;
        let result = f(self, th);
        self.native_depth -= 1;
        result
    }

    /// `a == b` with Python semantics (user `__eq__` honoured).
    pub(crate) fn equal(&mut self, th: &mut Thread, a: &Value, b: &Value) -> Result<bool, Control> {
        match (a, b) {
            (Value::List(_) | Value::Tuple(_) | Value::Dict(_), _) => {
                self.nested(th, " in comparison", |vm, th| vm.equal_containers(th, a, b))
            }
            _ => self.equal_containers(th, a, b),
        }
    }

    fn equal_containers(&mut self, th: &mut Thread, a: &Value, b: &Value) -> Result<bool, Control> {
        match (a, b) {
            (Value::Bytes(_) | Value::ByteArray(_), Value::Bytes(_) | Value::ByteArray(_)) => {
                Ok(crate::bytes::bytes_like(a) == crate::bytes::bytes_like(b))
            }
            (Value::List(x), Value::List(y)) => {
                if Rc::ptr_eq(x, y) {
                    return Ok(true);
                }
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.seq_equal(th, &x, &y)
            }
            (Value::Tuple(x), Value::Tuple(y)) => Ok(Rc::ptr_eq(x, y) || self.seq_equal(th, x, y)?),
            (Value::Dict(x), Value::Dict(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                if x.len() != y.len() {
                    return Ok(false);
                }
                for (k, v) in &x {
                    match y.get(k) {
                        Some(w) => {
                            if !self.equal(th, v, w)? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                Ok(true)
            }
            (Value::Set(x), Value::Set(y)) => {
                let (x, y) = (x.borrow(), y.borrow());
                Ok(x.len() == y.len() && x.is_subset(&y))
            }
            (Value::View(view), other) | (other, Value::View(view)) => self.view_equal(th, view, other),
            (Value::Instance(_), _) | (_, Value::Instance(_)) => {
                for (receiver, other) in [(a, b), (b, a)] {
                    if let Some(m) = self.user_method(receiver, "__eq__") {
                        let r = self.call_nested(th, m, Args::new(vec![receiver.clone(), other.clone()]))?;
                        if !self.is_not_implemented(&r) {
                            return self.truthy(th, &r);
                        }
                    }
                }
                // A built-in's subclass compares as its value.
                match Value::builtin_bases(a, b) {
                    None => Ok(a.is(b)),
                    Some((x, y)) => self.equal(th, &x, &y),
                }
            }
            _ => Ok(crate::dict::key_eq(a, b)),
        }
    }

    fn seq_equal(&mut self, th: &mut Thread, x: &[Value], y: &[Value]) -> Result<bool, Control> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (p, q) in x.iter().zip(y) {
            // Identical items are equal without asking them (CPython's PyObject_RichCompareBool).
            if !p.is(q) && !self.equal(th, p, q)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Ordering for `<`, `sorted`, `min`, `max`.
    pub(crate) fn order(&mut self, th: &mut Thread, op: CmpOp, a: &Value, b: &Value) -> Result<Ordering, Control> {
        match (a, b) {
            (Value::Str(x), Value::Str(y)) => return Ok(x.cmp(y)),
            (Value::Bytes(x), Value::Bytes(y)) => return Ok(x.cmp(y)),
            (Value::Bytes(_) | Value::ByteArray(_), Value::Bytes(_) | Value::ByteArray(_)) => {
                let (x, y) = (crate::bytes::bytes_like(a), crate::bytes::bytes_like(b));
                return Ok(x.cmp(&y));
            }
            (Value::List(_) | Value::Tuple(_), Value::List(_) | Value::Tuple(_))
                if std::mem::discriminant(a) == std::mem::discriminant(b) =>
            {
                let x = self.collect(th, a)?;
                let y = self.collect(th, b)?;
                for (p, q) in x.iter().zip(y.iter()) {
                    if !self.equal(th, p, q)? {
                        return self.order(th, op, p, q);
                    }
                }
                return Ok(x.len().cmp(&y.len()));
            }
            _ => {}
        }
        if let Some(order) = int::cmp_numbers(a, b) {
            return Ok(order.unwrap_or(Ordering::Equal));
        }
        // `a.__lt__(b)`, else the reflection `b.__gt__(a)` (NotImplemented passes on).
        let (name, reflected, flip) = match op {
            CmpOp::Lt => ("__lt__", "__gt__", CmpOp::Gt),
            CmpOp::Le => ("__le__", "__ge__", CmpOp::Ge),
            CmpOp::Gt => ("__gt__", "__lt__", CmpOp::Lt),
            CmpOp::Ge => ("__ge__", "__le__", CmpOp::Le),
            _ => ("__lt__", "__gt__", CmpOp::Gt),
        };
        for (receiver, other, dunder, asked) in [(a, b, name, op), (b, a, reflected, flip)] {
            let Some(m) = self.user_method(receiver, dunder) else { continue };
            let r = self.call_nested(th, m, Args::new(vec![receiver.clone(), other.clone()]))?;
            if self.is_not_implemented(&r) {
                continue;
            }
            let truth = self.truthy(th, &r)?;
            let holds = match (asked, truth) {
                (CmpOp::Lt | CmpOp::Le, true) | (CmpOp::Gt | CmpOp::Ge, false) => Ordering::Less,
                _ => Ordering::Greater,
            };
            // An answer about `b op' a` orders `a` against `b` the other way round.
            return Ok(if std::ptr::eq(receiver, a) { holds } else { holds.reverse() });
        }
        if let Some((x, y)) = Value::builtin_bases(a, b) {
            return self.order(th, op, &x, &y);
        }
        if self.options.python.major == 2 {
            // 2.7's `__cmp__`, of `a` against `b` or reflected.
            for (receiver, other) in [(a, b), (b, a)] {
                let Some(m) = self.user_method(receiver, "__cmp__") else { continue };
                let r = self.call_nested(th, m, Args::new(vec![receiver.clone(), other.clone()]))?;
                if self.is_not_implemented(&r) {
                    continue;
                }
                let sign = self.three_way_sign(&r)?;
                return Ok(if std::ptr::eq(receiver, a) { sign } else { sign.reverse() });
            }
        }
        Err(self.raise_msg(
            Exc::TypeError,
            format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                crate::builtins::type_name_of(a),
                crate::builtins::type_name_of(b)
            ),
        ))
    }

    pub(crate) fn compare(&mut self, th: &mut Thread, op: CmpOp, a: &Value, b: &Value) -> Result<Value, Control> {
        if self.take_tail() && (matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_))) {
            // Python dunders run as frames of the thread (see crate::hooks).
            if let Some(hook) = self.comparison_hook(op, a, b, 0) {
                return Err(Control::Hook(Box::new(hook)));
            }
        }
        if let (Value::Set(x), Value::Set(y), CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge) = (a, b, op) {
            return Ok(Value::bool(set_inclusion(op, &x.borrow(), &y.borrow())));
        }
        let r = match op {
            CmpOp::Eq => self.equal(th, a, b)?,
            CmpOp::Ne => !self.equal(th, a, b)?,
            _ => {
                if let Some(None) = int::cmp_numbers(a, b) {
                    return Ok(Value::Bool(Truth::False)); // a NaN is unordered
                }
                cmp_ord(op, self.order(th, op, a, b)?)
            }
        };
        Ok(Value::bool(r))
    }

    pub(crate) fn contains(&mut self, th: &mut Thread, container: &Value, item: &Value) -> Result<bool, Control> {
        match container {
            Value::Bytes(data) => crate::bytes::contains(self, data, item),
            Value::ByteArray(data) => crate::bytes::contains(self, &data.borrow(), item),
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.contains(&**sub)),
                other => Err(self.raise_msg(
                    Exc::TypeError,
                    format!(
                        "'in <string>' requires string as left operand, not {}",
                        crate::builtins::type_name_of(other)
                    ),
                )),
            },
            Value::Dict(d) => {
                let key = self.key(th, item.clone())?;
                Ok(d.borrow().contains_key(&key))
            }
            Value::Set(s) => {
                let key = self.key(th, item.clone())?;
                Ok(s.borrow().contains(&key))
            }
            Value::View(view) => self.view_contains(th, view, item),
            Value::Range(r) => Ok(crate::range_methods::position(r, item).is_some()),
            Value::Instance(_) | Value::Class(_) if self.user_method(container, "__contains__").is_some() => {
                let m = self.user_method(container, "__contains__").expect("checked");
                let r = self.call_nested(th, m, Args::new(vec![container.clone(), item.clone()]))?;
                self.truthy(th, &r)
            }
            Value::Instance(_) if container.builtin_base().is_some() => {
                let base = container.builtin_base().expect("checked").clone();
                self.contains(th, &base, item)
            }
            _ => {
                let items = self.collect(th, container)?;
                for v in &items {
                    if self.equal(th, v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    pub(crate) fn new_set(&mut self, th: &mut Thread, items: Vec<Value>) -> Result<Value, Control> {
        let mut set = PySet::default();
        for v in items {
            set.insert(self.key(th, v)?);
        }
        Ok(Value::Set(Rc::new(PyCell::new(set))))
    }

    /// A set display of constants (`merged`) or a loop's set of constants to iterate: a
    /// frozenset constant (a loop's from 3.8, a display's from 3.9), merged into an empty set
    /// for a display (CPython's BUILD_SET 0, LOAD_CONST frozenset, SET_UPDATE); before, built
    /// in order. The compiler's constant is a frozenset of the items rebuilt from its own
    /// order (when `merge_consts_recursive` interns it), which can move members that collided.
    pub(crate) fn new_const_set(&mut self, th: &mut Thread, items: Vec<Value>, merged: bool) -> Result<Value, Control> {
        let built = self.new_set(th, items)?;
        // A loop's constant is the rebuilt frozenset from 3.8, a display's from 3.9.
        let since = if merged { (3, 9) } else { (3, 8) };
        if self.options.python < gilsim_core::PythonVersion::new(since.0, since.1) {
            return Ok(built);
        }
        let Value::Set(first) = &built else { unreachable!("new_set makes a set") };
        let mut constant = PySet::default();
        for key in first.borrow_unnoted().iter() {
            constant.insert(key.clone());
        }
        if !merged {
            return Ok(Value::Set(Rc::new(PyCell::new(constant))));
        }
        let mut set = PySet::default();
        set.merge(&constant);
        Ok(Value::Set(Rc::new(PyCell::new(set))))
    }

    /// Call a user `__str__`/`__repr__`-style method if the instance defines one.
    pub(crate) fn call_user_dunder(
        &mut self,
        th: &mut Thread,
        v: &Value,
        name: &str,
    ) -> Result<Option<Value>, Control> {
        match self.user_method(v, name) {
            Some(m) => self.call_nested(th, m, Args::new(vec![v.clone()])).map(Some),
            None => Ok(None),
        }
    }
}

/// Sets are ordered by inclusion: `<=` is `issubset`, `<` a proper subset.
fn set_inclusion(op: CmpOp, x: &PySet, y: &PySet) -> bool {
    match op {
        CmpOp::Le => x.is_subset(y),
        CmpOp::Lt => x.len() < y.len() && x.is_subset(y),
        CmpOp::Ge => y.is_subset(x),
        _ => y.len() < x.len() && y.is_subset(x),
    }
}
