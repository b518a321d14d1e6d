//! `dict.keys()`, `dict.values()` and `dict.items()`: views of the dict, never copies. A view
//! shows the dict as it is when it is used (`len`, `in`, iteration, its repr); keys and items
//! views are set-like (`&`, `|`, `-`, `^` give sets; `==` compares as sets; `isdisjoint`),
//! values views compare by identity — CPython's dictobject.c.

use crate::builtins::{arity, method_arity};
use crate::dict::{Dict, Key};
use crate::footprint::PyCell;
use crate::iterators::{iterator, IterState};
use crate::native::{native, Control};
use crate::value::{Truth, Value};
use crate::{Exc, Thread, Vm};
use gilsim_bytecode::BinOp;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

impl ViewKind {
    /// The view's item for one entry of the dict.
    #[inline]
    pub fn item(self, key: &Key, value: &Value) -> Value {
        match self {
            ViewKind::Keys => key.0.clone(),
            ViewKind::Values => value.clone(),
            ViewKind::Items => Value::tuple(vec![key.0.clone(), value.clone()]),
        }
    }

    /// The view's type name (`dict_keys`).
    pub fn name(self) -> &'static str {
        match self {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }

    /// An `OrderedDict`'s view's type name (`odict_keys`).
    pub fn ordered_name(self) -> &'static str {
        match self {
            ViewKind::Keys => "odict_keys",
            ViewKind::Values => "odict_values",
            ViewKind::Items => "odict_items",
        }
    }

    fn is_set_like(self) -> bool {
        self != ViewKind::Values
    }
}

pub struct DictView {
    pub dict: Rc<PyCell<Dict>>,
    pub kind: ViewKind,
    /// An `OrderedDict`'s view (`odict_keys`, a subclass of `dict_keys`, reversible in every
    /// version; CPython's odictobject.c).
    pub ordered: bool,
}

impl DictView {
    /// The view's type name (`dict_keys`, `odict_keys`).
    pub fn type_name(&self) -> &'static str {
        if self.ordered {
            self.kind.ordered_name()
        } else {
            self.kind.name()
        }
    }

    /// Its class's place in [`crate::types::Types::dict_views`].
    pub fn class_index(&self) -> usize {
        self.kind as usize + if self.ordered { 3 } else { 0 }
    }

    pub fn len(&self) -> usize {
        self.dict.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The view's items now (one read of the dict).
    pub fn items(&self) -> Vec<Value> {
        crate::py2_order::entries(&self.dict, |k, v| self.kind.item(k, v))
    }

    /// An iterator that reads the dict step by step.
    pub fn iter(&self) -> Value {
        dict_iterator(&self.dict, self.kind)
    }
}

/// An iterator over a dict's keys, values or items (`iter(d)`, `iter(d.items())`).
pub(crate) fn dict_iterator(dict: &Rc<PyCell<Dict>>, kind: ViewKind) -> Value {
    let size = dict.borrow().len();
    let order = crate::py2_order::dict_order(dict);
    iterator(IterState::Dict { dict: dict.clone(), kind, index: 0, size, order })
}

fn view_of(dict: &Value, kind: ViewKind) -> Value {
    match dict.builtin_base().unwrap_or(dict) {
        Value::Dict(d) => Value::View(Rc::new(DictView { dict: d.clone(), kind, ordered: false })),
        _ => Value::View(Rc::new(DictView { dict: Rc::new(PyCell::new(Dict::default())), kind, ordered: false })),
    }
}

/// `d.keys()`, `d.values()`, `d.items()`: a view, or under Python 2 a list of what the view
/// would show now.
fn view_or_list(vm: &mut Vm, args: &crate::native::Args, kind: ViewKind) -> Value {
    let view = view_of(&args.pos[0], kind);
    match (&view, vm.options.python.major) {
        (Value::View(v), 2) => Value::list(v.items()),
        _ => view,
    }
}

native!(DICT_KEYS, "dict.keys", |vm, _th, args| {
    method_arity(vm, "dict.keys", args, 0, 0)?;
    Ok(view_or_list(vm, args, ViewKind::Keys))
});
native!(DICT_VALUES, "dict.values", |vm, _th, args| {
    method_arity(vm, "dict.values", args, 0, 0)?;
    Ok(view_or_list(vm, args, ViewKind::Values))
});
native!(DICT_ITEMS, "dict.items", |vm, _th, args| {
    method_arity(vm, "dict.items", args, 0, 0)?;
    Ok(view_or_list(vm, args, ViewKind::Items))
});

native!(VIEW_ISDISJOINT, "dict_keys.isdisjoint", |vm, th, args| {
    arity(vm, "isdisjoint", args, 2, 2)?;
    let mine = vm.collect(th, &args.pos[0])?;
    let theirs = vm.collect(th, &args.pos[1])?;
    let theirs = vm.new_set(th, theirs)?;
    for item in mine {
        if vm.contains(th, &theirs, &item)? {
            return Ok(Value::Bool(Truth::False));
        }
    }
    Ok(Value::Bool(Truth::True))
});

impl Vm {
    /// `item in view`.
    pub(crate) fn view_contains(&mut self, th: &mut Thread, view: &DictView, item: &Value) -> Result<bool, Control> {
        match view.kind {
            ViewKind::Keys => {
                let key = self.key(th, item.clone())?;
                Ok(view.dict.borrow().contains_key(&key))
            }
            ViewKind::Items => {
                let Value::Tuple(pair) = item else { return Ok(false) };
                if pair.len() != 2 {
                    return Ok(false);
                }
                let key = self.key(th, pair[0].clone())?;
                let found = view.dict.borrow().get(&key).cloned();
                match found {
                    Some(value) => Ok(value.is(&pair[1]) || self.equal(th, &value, &pair[1])?),
                    None => Ok(false),
                }
            }
            ViewKind::Values => {
                for value in view.items() {
                    if value.is(item) || self.equal(th, &value, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// `view == other`: keys and items views equal the sets (and set-like views) with the same
    /// members; a values view equals only itself.
    pub(crate) fn view_equal(&mut self, th: &mut Thread, view: &DictView, other: &Value) -> Result<bool, Control> {
        let other_set_like = match other {
            Value::Set(_) => true,
            Value::View(v) => v.kind.is_set_like(),
            _ => false,
        };
        if !view.kind.is_set_like() || !other_set_like {
            return Ok(matches!(other, Value::View(v) if std::ptr::eq(&**v, view)));
        }
        let mine = self.new_set(th, view.items())?;
        let theirs = match other {
            Value::Set(_) => other.clone(),
            _ => {
                let items = self.collect(th, other)?;
                self.new_set(th, items)?
            }
        };
        self.equal(th, &mine, &theirs)
    }

    /// `a op b` where one side is a keys or items view: the set operation on their items
    /// (CPython's dictviews_sub and friends), or None when the operator does not apply.
    pub(crate) fn view_binary(
        &mut self,
        th: &mut Thread,
        op: BinOp,
        a: &Value,
        b: &Value,
    ) -> Result<Option<Value>, Control> {
        let set_like = |v: &Value| matches!(v, Value::View(view) if view.kind.is_set_like());
        if !(set_like(a) || set_like(b)) || !matches!(op, BinOp::And | BinOp::Or | BinOp::Sub | BinOp::Xor) {
            return Ok(None);
        }
        let mut operands = Vec::with_capacity(2);
        for side in [a, b] {
            let items = match side {
                Value::Set(s) => s.borrow().iter().map(|k| k.0.clone()).collect(),
                other => match self.collect(th, other) {
                    Ok(items) => items,
                    // A non-iterable operand: the operator is not supported.
                    Err(_) => return Ok(None),
                },
            };
            operands.push(self.new_set(th, items)?);
        }
        let b = operands.pop().unwrap_or_default();
        let a = operands.pop().unwrap_or_default();
        self.binary_op(th, op, a, b, false).map(Some)
    }

    /// `repr(view)`: `dict_items([('a', 1)])`.
    pub(crate) fn view_repr(&mut self, th: &mut Thread, view: &DictView) -> Result<String, Control> {
        let items = Value::list(view.items());
        let inner = self.repr_of(th, &items)?;
        Ok(format!("{}({inner})", view.type_name()))
    }

    /// `reversed(view)` (3.8+, an `OrderedDict`'s in every version): the items now, last first.
    pub(crate) fn view_reversed(&mut self, view: &DictView) -> Result<Value, Control> {
        if !view.ordered && self.options.python < gilsim_core::PythonVersion::new(3, 8) {
            let message = format!("'{}' object is not reversible", view.kind.name());
            return Err(self.raise_msg(Exc::TypeError, message));
        }
        let mut items = view.items();
        items.reverse();
        Ok(iterator(IterState::Snapshot { items, index: 0 }))
    }
}

pub(crate) fn install_view_methods(class: &Rc<crate::value::Class>, kind: ViewKind) {
    if kind.is_set_like() {
        crate::methods::add(class, &[("isdisjoint", &VIEW_ISDISJOINT)]);
    }
}
