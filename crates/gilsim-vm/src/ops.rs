//! Operators on values: arithmetic, comparison, truth, containment, iteration, subscripts.
//! Instances with Python dunder methods are called through [`Vm::call_nested`].

use crate::dict::PySet;
use crate::dict_view::ViewKind;
use crate::footprint::PyCell;
use crate::int;
use crate::native::{Args, Control};
use crate::value::{Class, IterState, Value};
use crate::Exc;
use crate::{Thread, Vm};
use gilsim_bytecode::{BinOp, CmpOp, UnaryOp};
use std::cmp::Ordering;
use std::rc::Rc;

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

fn dunder_for(op: BinOp) -> &'static str {
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
            Value::Tuple(_) => t.tuple.clone(),
            Value::List(_) => t.list.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(_) => t.set.clone(),
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Function(_) => t.function.clone(),
            Value::Native(_) => t.builtin_function.clone(),
            Value::BoundMethod(_) => t.method.clone(),
            Value::Class(c) => c.metaclass.clone().unwrap_or_else(|| t.type_.clone()),
            Value::Instance(i) => i.class.clone(),
            Value::Module(_) => t.module.clone(),
            Value::Iterator(state) => t.iterators[state.borrow_unnoted().type_index()].clone(),
            Value::Cell(_) => t.iterators[0].clone(),
            Value::View(view) => t.dict_views[view.kind as usize].clone(),
            Value::Descriptor(_) => t.property.clone(),
        }
    }

    /// The `NotImplemented` singleton a dunder returns to pass an operation on.
    pub(crate) fn is_not_implemented(&self, v: &Value) -> bool {
        matches!(v, Value::Instance(i) if Rc::ptr_eq(&i.class, &self.types.not_implemented))
    }

    pub(crate) fn user_method(&self, v: &Value, name: &str) -> Option<Value> {
        match v {
            Value::Instance(inst) => inst.class.lookup(name).filter(|m| matches!(m, Value::Function(_))),
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
        if let Some(r) = self.numeric_binary(op, &a, &b)? {
            return Ok(r);
        }
        if matches!((&a, &b), (Value::View(_), _) | (_, Value::View(_))) {
            if let Some(r) = self.view_binary(th, op, &a, &b)? {
                return Ok(r);
            }
        }
        match (op, &a, &b) {
            (BinOp::Add, Value::Str(x), Value::Str(y)) => {
                self.charge(x.len() as u64 + y.len() as u64)?;
                return Ok(Value::str(&format!("{x}{y}")));
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
            (BinOp::Mod, Value::Str(fmt), _) => return self.percent_format(th, fmt, &b),
            (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Value::Set(x), Value::Set(y)) if inplace => {
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
                let (x, y) = (x.borrow(), y.borrow());
                let s = match op {
                    BinOp::Or => x.union(&y),
                    BinOp::And => x.intersection(&y),
                    BinOp::Sub => x.difference(&y),
                    _ => x.symmetric_difference(&y),
                };
                return Ok(Value::Set(Rc::new(PyCell::new(s))));
            }
            _ => {}
        }
        let name = dunder_for(op);
        // `__iop__`, then `__op__`, then the right operand's `__rop__`; NotImplemented passes on.
        let iname = format!("__i{}", &name[2..]);
        let rname = format!("__r{}", &name[2..]);
        let tries = [(inplace, &a, iname.as_str(), &b), (true, &a, name, &b), (true, &b, rname.as_str(), &a)];
        for (wanted, receiver, dunder, other) in tries {
            if let (true, Some(m)) = (wanted, self.user_method(receiver, dunder)) {
                let r = self.call_nested(th, m, Args::new(vec![receiver.clone(), other.clone()]))?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if a.builtin_base().is_some() || b.builtin_base().is_some() {
            // A dict or list subclass without the operator's dunder: the built-in's operation
            // (an in-place one changes the instance's own items and keeps the instance).
            let (x, y) = (a.builtin_base().unwrap_or(&a).clone(), b.builtin_base().unwrap_or(&b).clone());
            let result = self.binary_op(th, op, x.clone(), y, inplace)?;
            return Ok(if inplace && result.is(&x) { a } else { result });
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
            Value::Float(f) => Some(*f),
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
                Value::Int(v) if bools && matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) => Value::Bool(v != 0),
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
            BinOp::Pow => x.powf(y),
            _ => return Ok(None),
        };
        Ok(Some(Value::Float(r)))
    }

    pub(crate) fn unary_op(&mut self, th: &mut Thread, op: UnaryOp, a: Value) -> Result<Value, Control> {
        match (op, &a) {
            (UnaryOp::Not, v) => Ok(Value::Bool(!self.truthy(th, v)?)),
            (UnaryOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
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

    pub(crate) fn truthy(&mut self, th: &mut Thread, v: &Value) -> Result<bool, Control> {
        Ok(match v {
            Value::None | Value::Undefined => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.borrow().is_empty(),
            Value::View(view) => !view.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Instance(_) => {
                if let Some(m) = self.user_method(v, "__bool__") {
                    let r = self.call_nested(th, m, Args::new(vec![v.clone()]))?;
                    return self.truthy(th, &r);
                }
                if let Some(m) = self.user_method(v, "__len__") {
                    let r = self.call_nested(th, m, Args::new(vec![v.clone()]))?;
                    return Ok(!matches!(r, Value::Int(0)));
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
                // A dict or list subclass compares as its items.
                match (a.builtin_base(), b.builtin_base()) {
                    (None, None) => Ok(a.is(b)),
                    (x, y) => {
                        let (x, y) = (x.unwrap_or(a).clone(), y.unwrap_or(b).clone());
                        self.equal(th, &x, &y)
                    }
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
        if let (Value::Set(x), Value::Set(y), CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge) = (a, b, op) {
            return Ok(Value::Bool(set_inclusion(op, &x.borrow(), &y.borrow())));
        }
        let r = match op {
            CmpOp::Eq => self.equal(th, a, b)?,
            CmpOp::Ne => !self.equal(th, a, b)?,
            _ => {
                if let Some(None) = int::cmp_numbers(a, b) {
                    return Ok(Value::Bool(false)); // a NaN is unordered
                }
                cmp_ord(op, self.order(th, op, a, b)?)
            }
        };
        Ok(Value::Bool(r))
    }

    pub(crate) fn contains(&mut self, th: &mut Thread, container: &Value, item: &Value) -> Result<bool, Control> {
        match container {
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
            Value::Range(r) => {
                Ok(match int::as_int(item).and_then(|i| num_traits::ToPrimitive::to_i128(i.big().as_ref())) {
                    Some(i) => {
                        let in_bounds =
                            if r.step > 0 { i >= r.start && i < r.stop } else { i <= r.start && i > r.stop };
                        in_bounds && (i - r.start) % r.step == 0
                    }
                    None => false,
                })
            }
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

    pub(crate) fn get_iter(&mut self, th: &mut Thread, v: Value) -> Result<Value, Control> {
        let state = match &v {
            Value::List(_) | Value::Tuple(_) => IterState::Seq { items: v.clone(), index: 0 },
            Value::Range(r) => IterState::Range { next: r.start, stop: r.stop, step: r.step },
            Value::Iterator(_) => return Ok(v),
            Value::Dict(d) => return Ok(crate::dict_view::dict_iterator(d, ViewKind::Keys)),
            Value::View(view) => return Ok(view.iter()),
            Value::Set(s) => {
                let (members, size) = {
                    let set = s.borrow();
                    (set.iter().map(|k| k.0.clone()).collect(), set.len())
                };
                IterState::Set { set: s.clone(), members, index: 0, size }
            }
            Value::Instance(_) | Value::Class(_) if self.user_method(&v, "__iter__").is_some() => {
                let m = self.user_method(&v, "__iter__").expect("checked");
                return self.call_nested(th, m, Args::new(vec![v.clone()]));
            }
            Value::Instance(_) if v.builtin_base().is_some() => {
                let base = v.builtin_base().expect("checked").clone();
                return self.get_iter(th, base);
            }
            _ => IterState::Snapshot { items: self.collect(th, &v)?, index: 0 },
        };
        Ok(Value::Iterator(Rc::new(PyCell::new(state))))
    }

    /// Next item of an iterator object that is not a built-in container iterator.
    pub(crate) fn iter_next(&mut self, th: &mut Thread, it: &Value) -> Result<Option<Value>, Control> {
        if let Some(m) = self.user_method(it, "__next__") {
            return match self.call_nested(th, m, Args::new(vec![it.clone()])) {
                Ok(v) => Ok(Some(v)),
                Err(Control::Raise(e)) if self.is_instance_of(&e, Exc::StopIteration) => Ok(None),
                Err(e) => Err(e),
            };
        }
        Err(self
            .raise_msg(Exc::TypeError, format!("'{}' object is not an iterator", crate::builtins::type_name_of(it))))
    }

    /// Call `f` on each item of an iterable, one at a time (as CPython's builtins consume
    /// iterators: `sum(range(10**8))` holds no list), until it returns false.
    pub(crate) fn for_each(
        &mut self,
        th: &mut Thread,
        iterable: &Value,
        mut f: impl FnMut(&mut Vm, &mut Thread, Value) -> Result<bool, Control>,
    ) -> Result<(), Control> {
        let it = self.get_iter(th, iterable.clone())?;
        loop {
            let Some(item) = self.next_item(th, &it)? else { return Ok(()) };
            if !f(self, th, item)? {
                return Ok(());
            }
        }
    }

    /// All items of an iterable.
    pub(crate) fn collect(&mut self, th: &mut Thread, v: &Value) -> Result<Vec<Value>, Control> {
        Ok(match v {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            Value::Str(s) => s.chars().map(|c| Value::str(c.encode_utf8(&mut [0; 4]))).collect(),
            Value::Dict(d) => d.borrow().keys().map(|k| k.0.clone()).collect(),
            Value::Set(s) => s.borrow().iter().map(|k| k.0.clone()).collect(),
            Value::Range(r) => {
                self.charge_slots(r.len().max(0) as usize, 0)?;
                let mut out = Vec::with_capacity(r.len().max(0) as usize);
                let mut i = r.start;
                while (r.step > 0 && i < r.stop) || (r.step < 0 && i > r.stop) {
                    out.push(crate::value::int_value(i));
                    i += r.step;
                }
                out
            }
            Value::View(view) => view.items(),
            Value::Iterator(_) => {
                let mut out = Vec::new();
                while let Some(item) = self.next_item(th, v)? {
                    out.push(item);
                }
                out
            }
            Value::Instance(_) | Value::Class(_) if self.user_method(v, "__iter__").is_some() => {
                let mut out = Vec::new();
                self.for_each(th, v, |_, _, x| {
                    out.push(x);
                    Ok(true)
                })?;
                out
            }
            Value::Instance(_) if v.builtin_base().is_some() => {
                let base = v.builtin_base().expect("checked").clone();
                return self.collect(th, &base);
            }
            other => {
                return Err(self.raise_msg(
                    Exc::TypeError,
                    format!("'{}' object is not iterable", crate::builtins::type_name_of(other)),
                ))
            }
        })
    }

    fn index_of(&mut self, len: usize, index: &Value, what: &str) -> Result<usize, Control> {
        let i = match int::as_int(index) {
            Some(int::Int::Small(i)) => i,
            Some(int::Int::Big(_)) => {
                return Err(self.raise_msg(Exc::IndexError, "cannot fit 'int' into an index-sized integer"));
            }
            None => {
                return Err(self.raise_msg(
                    Exc::TypeError,
                    format!("{what} indices must be integers or slices, not {}", crate::builtins::type_name_of(index)),
                ))
            }
        };
        let i = if i < 0 { i + len as i64 } else { i };
        if i < 0 || i >= len as i64 {
            let message = if what == "list" || what == "tuple" {
                format!("{what} index out of range")
            } else {
                "string index out of range".into()
            };
            return Err(self.raise_msg(Exc::IndexError, message));
        }
        Ok(i as usize)
    }

    /// Resolve a slice against a length: (start, stop, step).
    pub(crate) fn slice_indices(&mut self, slice: &[Value; 3], len: usize) -> Result<(i64, i64, i64), Control> {
        let len = len as i64;
        let step = match &slice[2] {
            Value::None => 1,
            v => int::as_int(v)
                .map(int::Int::saturating)
                .ok_or_else(|| self.raise_msg(Exc::TypeError, "slice indices must be integers or None"))?,
        };
        if step == 0 {
            return Err(self.raise_msg(Exc::ValueError, "slice step cannot be zero"));
        }
        let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
        let bound = |vm: &mut Vm, v: &Value, default: i64| -> Result<i64, Control> {
            match v {
                Value::None => Ok(default),
                v => {
                    let i = int::as_int(v)
                        .map(int::Int::saturating)
                        .ok_or_else(|| vm.raise_msg(Exc::TypeError, "slice indices must be integers or None"))?;
                    Ok(if i < 0 { i.saturating_add(len) } else { i })
                }
            }
        };
        if step > 0 {
            let start = clamp(bound(self, &slice[0], 0)?, 0, len);
            let stop = clamp(bound(self, &slice[1], len)?, 0, len);
            Ok((start, stop, step))
        } else {
            let start = clamp(bound(self, &slice[0], len - 1)?, -1, len - 1);
            let stop = clamp(bound(self, &slice[1], -1)?, -1, len - 1);
            let stop = if matches!(slice[1], Value::None) { -1 } else { stop };
            Ok((start, stop, step))
        }
    }

    fn slice_positions(&mut self, slice: &[Value; 3], len: usize) -> Result<Vec<usize>, Control> {
        let (start, stop, step) = self.slice_indices(slice, len)?;
        let mut out = Vec::new();
        let mut i = start;
        while (step > 0 && i < stop) || (step < 0 && i > stop) {
            out.push(i as usize);
            i += step;
        }
        Ok(out)
    }

    pub(crate) fn get_item(&mut self, th: &mut Thread, container: &Value, index: &Value) -> Result<Value, Control> {
        match (container, index) {
            (Value::List(l), Value::Slice(s)) => {
                let items = l.borrow().clone();
                let pos = self.slice_positions(s, items.len())?;
                Ok(Value::list(pos.into_iter().map(|i| items[i].clone()).collect()))
            }
            (Value::Tuple(t), Value::Slice(s)) => {
                let pos = self.slice_positions(s, t.len())?;
                Ok(Value::tuple(pos.into_iter().map(|i| t[i].clone()).collect()))
            }
            (Value::Str(st), Value::Slice(s)) => {
                let chars: Vec<char> = st.chars().collect();
                let pos = self.slice_positions(s, chars.len())?;
                Ok(Value::str(&pos.into_iter().map(|i| chars[i]).collect::<String>()))
            }
            (Value::List(l), _) => {
                let len = l.borrow().len();
                let i = self.index_of(len, index, "list")?;
                Ok(l.borrow()[i].clone())
            }
            (Value::Tuple(t), _) => {
                let i = self.index_of(t.len(), index, "tuple")?;
                Ok(t[i].clone())
            }
            (Value::Str(s), _) => {
                let count = s.chars().count();
                let i = self.index_of(count, index, "string")?;
                Ok(Value::str(s.chars().nth(i).expect("in range").encode_utf8(&mut [0; 4])))
            }
            (Value::Range(r), _) => {
                let len = usize::try_from(r.len()).unwrap_or(usize::MAX);
                let i = self.index_of(len, index, "range object")?;
                Ok(crate::value::int_value(r.start + i as i128 * r.step))
            }
            (Value::Dict(d), _) => {
                let key = self.key(th, index.clone())?;
                let found = d.borrow().get(&key).cloned();
                match found {
                    Some(v) => Ok(v),
                    None => Err(Control::Raise(self.new_exception_args(Exc::KeyError, vec![index.clone()]))),
                }
            }
            (Value::Instance(_) | Value::Class(_), _) if self.user_method(container, "__getitem__").is_some() => {
                let m = self.user_method(container, "__getitem__").expect("checked");
                self.call_nested(th, m, Args::new(vec![container.clone(), index.clone()]))
            }
            (Value::Class(class), _) => self.class_subscript(th, class, index),
            (Value::Instance(_), _) if container.builtin_base().is_some() => {
                let base = container.builtin_base().expect("checked").clone();
                match self.get_item(th, &base, index) {
                    // A dict subclass's `__missing__` answers for a missing key.
                    Err(Control::Raise(e))
                        if self.is_instance_of(&e, Exc::KeyError)
                            && self.user_method(container, "__missing__").is_some() =>
                    {
                        let missing = self.user_method(container, "__missing__").expect("checked");
                        self.call_nested(th, missing, Args::new(vec![container.clone(), index.clone()]))
                    }
                    other => other,
                }
            }
            _ => Err(self.raise_msg(
                Exc::TypeError,
                format!("'{}' object is not subscriptable", crate::builtins::type_name_of(container)),
            )),
        }
    }

    pub(crate) fn set_item(
        &mut self,
        th: &mut Thread,
        container: &Value,
        index: Value,
        value: Value,
    ) -> Result<(), Control> {
        match container {
            Value::List(l) => {
                if let Value::Slice(s) = &index {
                    let new = self.collect(th, &value)?;
                    let len = l.borrow().len();
                    let (start, stop, step) = self.slice_indices(s, len)?;
                    if step != 1 {
                        return Err(
                            self.raise_msg(Exc::ValueError, "gilsim supports slice assignment with step 1 only")
                        );
                    }
                    let stop = stop.max(start);
                    l.borrow_mut().splice(start as usize..stop as usize, new);
                    return Ok(());
                }
                let len = l.borrow().len();
                let i = self.index_of(len, &index, "list").map_err(|e| match e {
                    Control::Raise(_) if int::as_int(&index).is_some() => {
                        self.raise_msg(Exc::IndexError, "list assignment index out of range")
                    }
                    e => e,
                })?;
                l.borrow_mut()[i] = value;
                Ok(())
            }
            Value::Dict(d) => {
                let key = self.key(th, index)?;
                d.borrow_mut().insert(key, value);
                Ok(())
            }
            Value::Instance(_) if self.user_method(container, "__setitem__").is_some() => {
                let m = self.user_method(container, "__setitem__").expect("checked");
                self.call_nested(th, m, Args::new(vec![container.clone(), index, value])).map(|_| ())
            }
            Value::Instance(_) if container.builtin_base().is_some() => {
                let base = container.builtin_base().expect("checked").clone();
                self.set_item(th, &base, index, value)
            }
            _ => Err(self.raise_msg(
                Exc::TypeError,
                format!("'{}' object does not support item assignment", crate::builtins::type_name_of(container)),
            )),
        }
    }

    pub(crate) fn del_item(&mut self, th: &mut Thread, container: &Value, index: &Value) -> Result<(), Control> {
        match container {
            Value::List(l) => {
                let len = l.borrow().len();
                if let Value::Slice(s) = index {
                    let mut pos = self.slice_positions(s, len)?;
                    pos.sort_unstable();
                    for i in pos.into_iter().rev() {
                        l.borrow_mut().remove(i);
                    }
                    return Ok(());
                }
                let i = self
                    .index_of(len, index, "list")
                    .map_err(|_| self.raise_msg(Exc::IndexError, "list assignment index out of range"))?;
                l.borrow_mut().remove(i);
                Ok(())
            }
            Value::Dict(d) => {
                let key = self.key(th, index.clone())?;
                if d.borrow_mut().shift_remove(&key).is_none() {
                    return Err(Control::Raise(self.new_exception_args(Exc::KeyError, vec![index.clone()])));
                }
                Ok(())
            }
            Value::Instance(_) if self.user_method(container, "__delitem__").is_some() => {
                let m = self.user_method(container, "__delitem__").expect("checked");
                self.call_nested(th, m, Args::new(vec![container.clone(), index.clone()])).map(|_| ())
            }
            Value::Instance(_) if container.builtin_base().is_some() => {
                let base = container.builtin_base().expect("checked").clone();
                self.del_item(th, &base, index)
            }
            _ => Err(self.raise_msg(
                Exc::TypeError,
                format!("'{}' object does not support item deletion", crate::builtins::type_name_of(container)),
            )),
        }
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
