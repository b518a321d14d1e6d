//! Modules, classes and functions that the runs resumed from one prefix share instead of
//! copying ([`crate::snapshot`]). A script that imports `logging` and `queue` reaches some 350
//! functions, 40 classes and 11 modules from its globals: copying them for every explored run,
//! and emptying the copies at its end, cost more than the run itself, and almost no run
//! writes them.
//!
//! Invariant: at the start of every run a shared object is as the prefix left it. An object is
//! shared only if everything it holds is immutable or shared too — the greatest such set among
//! the prefix's modules, classes and functions, found by [`Survey`] while the prefix is first
//! copied — so the only writes a run can make to it are to its own attributes: an attribute
//! set or deleted on a module, class or function, a submodule or a library part imported into
//! a module, a function's `__annotations__` made on first use, a class statement taking a
//! function as its method (`owner`, for zero-argument `super()`). Each site calls
//! [`before_module_write`], [`before_class_write`] or [`before_function_write`] first, which
//! logs the object's old state the first time a run writes it, and the run's teardown puts it
//! back ([`undo_writes`]) — as a stateful model checker restores a state from an undo log
//! instead of copying it. A write site without that call would leak one run's state into the
//! next: `tests/prefix.rs` (every scenario and corpus program, resumed runs against runs from
//! the start) and scenarios/language/class_state_written_by_threads.py catch it.

use crate::footprint::PyCell;
use crate::value::{AttrMap, Class, Function, Module, Value};
use rustc_hash::FxHashMap as HashMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Whether a module, class or function is shared by the runs resumed from a prefix.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sharing {
    /// The run's own (every object of a run from the start, and every copy).
    #[default]
    Private,
    /// Shared, and not written by the run in progress.
    Shared,
    /// Shared, and written by the run in progress: its old state is in the undo log.
    Written,
}

/// A module's, class's or function's attributes and its sharing state; None for any other
/// value.
fn parts(object: &Value) -> Option<(&PyCell<AttrMap>, &Cell<Sharing>)> {
    match object {
        Value::Module(module) => Some((&module.dict, &module.sharing)),
        Value::Class(class) => Some((&class.dict, &class.sharing)),
        Value::Function(func) => Some((&func.attrs, &func.sharing)),
        _ => None,
    }
}

/// A shared object as it was before the run in progress first wrote it: its attributes, and
/// a function's owner.
struct Undo {
    object: Value,
    attrs: AttrMap,
    owner: Option<Rc<Class>>,
}

thread_local! {
    /// The undo log of the run in progress on this OS thread.
    static UNDO: RefCell<Vec<Undo>> = const { RefCell::new(Vec::new()) };
}

/// Note a write of `module`'s dict that is about to happen.
pub(crate) fn before_module_write(module: &Rc<Module>) {
    if first_write(&module.sharing) {
        log(Value::Module(module.clone()), None);
    }
}

/// Note a write of `class`'s dict that is about to happen.
pub(crate) fn before_class_write(class: &Rc<Class>) {
    if first_write(&class.sharing) {
        log(Value::Class(class.clone()), None);
    }
}

/// Note a write of `func`'s attributes or owner that is about to happen.
pub(crate) fn before_function_write(func: &Rc<Function>) {
    if first_write(&func.sharing) {
        log(Value::Function(func.clone()), func.owner.borrow().clone());
    }
}

/// Whether this is a shared object's first write in the run (which marks it written).
#[inline]
fn first_write(sharing: &Cell<Sharing>) -> bool {
    if sharing.get() == Sharing::Shared {
        sharing.set(Sharing::Written);
        true
    } else {
        false
    }
}

/// Keep `object`'s attributes (and `owner`) as they are now, for [`undo_writes`].
fn log(object: Value, owner: Option<Rc<Class>>) {
    let (attrs, _) = parts(&object).expect("only modules, classes and functions are shared");
    let attrs = attrs.borrow_unnoted().clone();
    UNDO.with(|log| log.borrow_mut().push(Undo { object, attrs, owner }));
}

/// Put every shared object the run wrote back as the prefix left it; what the run had put in
/// them goes to `released` (for the teardown to empty).
pub(crate) fn undo_writes(released: &mut Vec<Value>) {
    let log = UNDO.with(|log| std::mem::take(&mut *log.borrow_mut()));
    if log.is_empty() {
        return;
    }
    for Undo { object, attrs: old, owner } in log {
        let (attrs, sharing) = parts(&object).expect("only modules, classes and functions are shared");
        released.extend(std::mem::replace(&mut *attrs.borrow_mut_unnoted(), old).into_values());
        sharing.set(Sharing::Shared);
        if let Value::Function(func) = &object {
            released.extend(func.owner.replace(owner).map(Value::Class));
        }
    }
    // Lookups cached while the run's attributes were there must miss now.
    crate::value::class_changed();
}

/// The modules, classes and functions a prefix's runs share ([`Survey::finish`]); dropping it
/// makes them private again, for the prefix's own teardown.
#[derive(Default)]
pub struct SharedObjects(Vec<Value>);

impl Drop for SharedObjects {
    fn drop(&mut self) {
        for object in &self.0 {
            if let Some((_, sharing)) = parts(object) {
                sharing.set(Sharing::Private);
            }
        }
    }
}

/// One module, class or function met by a surveying copy.
struct Node {
    object: Value,
    /// The modules, classes and functions it holds (by address).
    holds: Vec<usize>,
    /// It holds nothing mutable but modules, classes and functions.
    plain: bool,
}

/// What a copy ([`crate::Cloner::surveying`]) found of the modules, classes and functions it
/// copied: which could be shared.
#[derive(Default)]
pub struct Survey {
    nodes: Vec<Node>,
    index: HashMap<usize, usize>,
}

impl Survey {
    /// Record `object` (a module, class or function, at `address`) and what it holds.
    /// `plain` is false if it holds something mutable besides `holds` (a closure's cells).
    pub(crate) fn record<'v>(
        &mut self,
        address: usize,
        object: Value,
        plain: bool,
        holds: impl IntoIterator<Item = &'v Value>,
    ) {
        let mut node = Node { object, holds: Vec::new(), plain };
        for value in holds {
            node.plain &= held(value, &mut node.holds);
        }
        self.index.insert(address, self.nodes.len());
        self.nodes.push(node);
    }

    /// Mark the greatest set of recorded objects that hold nothing mutable but each other:
    /// drop every object that holds something else, or holds a dropped one, until none is
    /// left to drop.
    pub fn finish(self) -> SharedObjects {
        let mut keep: Vec<bool> = self.nodes.iter().map(|n| n.plain).collect();
        loop {
            let mut changed = false;
            for (i, node) in self.nodes.iter().enumerate() {
                if keep[i] && !node.holds.iter().all(|a| self.index.get(a).is_some_and(|&j| keep[j])) {
                    keep[i] = false;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        let mut shared = SharedObjects::default();
        for (node, kept) in self.nodes.into_iter().zip(keep) {
            if let (true, Some((_, sharing))) = (kept, parts(&node.object)) {
                sharing.set(Sharing::Shared);
                shared.0.push(node.object);
            }
        }
        shared
    }
}

/// Whether `value` may be held by a shared object, adding the modules, classes and functions it
/// refers to (which must be shared too) to `holds`.
fn held(value: &Value, holds: &mut Vec<usize>) -> bool {
    if crate::snapshot::shareable(value) {
        return true;
    }
    match value {
        Value::Module(module) => holds.push(Rc::as_ptr(module) as usize),
        Value::Class(class) => holds.push(Rc::as_ptr(class) as usize),
        Value::Function(func) => holds.push(Rc::as_ptr(func) as usize),
        // A property, static or class method of Python functions.
        Value::Descriptor(desc) => {
            let parts = [Some(&desc.func), desc.setter.as_ref(), desc.deleter.as_ref(), desc.doc.as_ref()];
            return parts.into_iter().flatten().all(|part| match part {
                Value::Function(func) => {
                    holds.push(Rc::as_ptr(func) as usize);
                    true
                }
                other => crate::snapshot::shareable_leaf(other),
            });
        }
        _ => return false,
    }
    true
}
