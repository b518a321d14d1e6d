//! A cache of attribute lookups along a class's MRO, for the lookups the interpreter makes on
//! every method call, attribute store and instantiation (`obj.name(...)` on a built-in type or
//! a class, the data-descriptor check before `obj.name = v`, a class's `__init__`, a built-in
//! type's `__new__`): CPython 3.11 keeps such results at the
//! instruction, guarded by the type's version tag (PEP 659's specializing interpreter).
//!
//! Invariant: a hit answers exactly what [`Class::lookup`] would, and, while a step is
//! recorded for partial-order reduction, only a name this step has looked up already
//! ([`crate::value::forget_class_lookups`]), so the step's footprint has the class dicts
//! read — except a method of a built-in type fixed by the value's variant
//! ([`BuiltinReceiver`]), whose frozen dicts no step can write. Entries are stamped with the
//! class epoch, which every change to a class's dict advances
//! ([`crate::value::class_changed`]), so an entry made before any change misses,
//! and a position recorded under the current epoch still holds the name. An entry holds its
//! class weakly and its name strongly: neither allocation can be reused while the entry
//! lives, so equal addresses mean the same class and the same name (the program's names are
//! one `Rc` per spelling).

use crate::value::{class_epoch, Class, Str, Value};
use crate::Vm;
use std::rc::{Rc, Weak};

pub(crate) struct LookupCache {
    entries: Vec<Option<Entry>>,
    /// Methods of the built-in types fixed by a value's variant ([`BuiltinReceiver`]).
    builtin_methods: Vec<Option<BuiltinMethod>>,
    /// The names the interpreter looks up itself, one `Rc` each so that they can hit.
    pub(crate) enter: Str,
    pub(crate) exit: Str,
    pub(crate) new: Str,
    pub(crate) init: Str,
    pub(crate) len: Str,
    pub(crate) next: Str,
    pub(crate) bool: Str,
}

thread_local! {
    /// The interpreter's own names, made once per OS thread: a run takes the image's cache and
    /// leaves an empty one in its place, and making its strings for it was eight allocations
    /// of every explored run.
    static OWN_NAMES: [Str; 7] =
        ["__enter__", "__exit__", "__new__", "__init__", "__len__", "__next__", "__bool__"].map(Str::from);
}

impl Default for LookupCache {
    fn default() -> LookupCache {
        OWN_NAMES.with(|[enter, exit, new, init, len, next, bool]| LookupCache {
            entries: Vec::new(),
            builtin_methods: Vec::new(),
            enter: enter.clone(),
            exit: exit.clone(),
            new: new.clone(),
            init: init.clone(),
            len: len.clone(),
            next: next.clone(),
            bool: bool.clone(),
        })
    }
}

/// Where the name was found, not the value: the cache keeps nothing alive (a deleted class
/// attribute's object dies when the script drops it, `__del__` and weak references see that).
struct Entry {
    class: Weak<Class>,
    name: Str,
    epoch: u64,
    found: Option<(usize, usize)>,
    /// What was found, when it is a built-in function: static, so keeping it keeps nothing
    /// alive, and a hit on a built-in type's method (`list.append`) skips the class dict.
    native: Option<&'static crate::native::NativeFn>,
}

impl LookupCache {
    /// Sets of two entries: a program's hot lookups are a few dozen, and in a direct-mapped
    /// table of 256 slots two of them most likely share a slot (the birthday bound) and evict
    /// each other on every call — which pair does depends on where the allocator put the
    /// classes, so a workload's speed changed with unrelated code.
    const SETS: usize = 256;

    /// The first of the two slots `(class, name)` may sit in.
    fn set(class: &Rc<Class>, name: &Str) -> usize {
        2 * slot_of(Rc::as_ptr(class) as usize, name.address(), Self::SETS)
    }
}

impl Entry {
    fn holds(&self, class: &Rc<Class>, name: &Str, epoch: u64) -> bool {
        self.epoch == epoch && Weak::as_ptr(&self.class) == Rc::as_ptr(class) && Str::ptr_eq(&self.name, name)
    }
}

/// The slot of key `(a, b)` in a direct-mapped table of `size` (a power of two) slots, by
/// Fibonacci hashing: the keys are addresses of small allocations a few bytes apart, which a
/// mask of their low bits would crowd onto a few slots.
pub(crate) fn slot_of(a: usize, b: usize, size: usize) -> usize {
    let mixed = (a ^ b.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    mixed >> (usize::BITS - size.trailing_zeros())
}

/// A value whose class is fixed by its variant and is a frozen built-in type: `list`, `dict`,
/// `str`, `tuple`, `int`, `float`, `bytes`. Their dicts never change (CPython rejects
/// attribute assignment on built-in types, and so does gilsim), so a method found on one
/// stays found for good: no epoch guards it, and for partial-order reduction it reads nothing
/// a step could write.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct BuiltinReceiver(u8);

impl BuiltinReceiver {
    pub(crate) fn of(value: &Value) -> Option<BuiltinReceiver> {
        let tag = match value {
            Value::List(_) => 1,
            Value::Dict(_) => 2,
            Value::Str(_) => 3,
            Value::Tuple(_) => 4,
            Value::Int(_) | Value::Long(_) => 5,
            Value::Float(_) => 6,
            Value::Bytes(_) => 7,
            _ => return None,
        };
        Some(BuiltinReceiver(tag))
    }
}

/// A method name looked up on a [`BuiltinReceiver`]'s type: the built-in function found, if
/// that is what the name is. The entry holds its name, so no other name can take its address.
struct BuiltinMethod {
    receiver: BuiltinReceiver,
    name: Str,
    native: Option<&'static crate::native::NativeFn>,
}

impl Vm {
    /// The built-in function `obj.name` names on `obj`'s built-in type ([`BuiltinReceiver`]),
    /// if it is one (else an attribute the slow path finds, or none).
    pub(crate) fn builtin_method(
        &mut self,
        receiver: BuiltinReceiver,
        obj: &Value,
        name: &Str,
    ) -> Option<&'static crate::native::NativeFn> {
        const SLOTS: usize = 128;
        let slot = slot_of(usize::from(receiver.0), name.address(), SLOTS);
        if let Some(Some(entry)) = self.lookups.builtin_methods.get(slot) {
            if entry.receiver == receiver && Str::ptr_eq(&entry.name, name) {
                return entry.native;
            }
        }
        let class = self.class_of(obj);
        debug_assert!(class.frozen, "a built-in receiver's class is frozen");
        let native = match class.lookup(name) {
            Some(Value::Native(native)) => Some(native),
            _ => None,
        };
        let table = &mut self.lookups.builtin_methods;
        if table.is_empty() {
            table.resize_with(SLOTS, || None);
        }
        table[slot] = Some(BuiltinMethod { receiver, name: name.clone(), native });
        native
    }

    /// `class.lookup(name)`, from the cache when neither the class nor any class changed.
    /// Inline: the hit is a few loads and compares, less than a call's prologue and epilogue
    /// (every method call on an instance makes one).
    #[inline(always)]
    pub(crate) fn class_lookup(&mut self, class: &Rc<Class>, name: &Str) -> Option<Value> {
        let epoch = class_epoch();
        let set = LookupCache::set(class, name);
        for slot in [set, set + 1] {
            if let Some(Some(entry)) = self.lookups.entries.get(slot) {
                if entry.holds(class, name, epoch) {
                    if let Some(native) = entry.native {
                        return Some(Value::Native(native));
                    }
                    return entry.found.and_then(|position| class.value_at(position));
                }
            }
        }
        self.class_lookup_missed(class, name, epoch, set)
    }

    /// [`Vm::class_lookup`] along the MRO, remembered in the set's first slot whose entry is
    /// stale, else in place of the older of the two (the newer moves to the second slot).
    #[inline(never)]
    fn class_lookup_missed(&mut self, class: &Rc<Class>, name: &Str, epoch: u64, set: usize) -> Option<Value> {
        let found = class.lookup_position(name);
        let entries = &mut self.lookups.entries;
        if entries.is_empty() {
            entries.resize_with(2 * LookupCache::SETS, || None);
        }
        let value = found.and_then(|position| class.value_at(position));
        let native = match value {
            Some(Value::Native(native)) => Some(native),
            _ => None,
        };
        let live = |slot: &Option<Entry>| slot.as_ref().is_some_and(|entry| entry.epoch == epoch);
        let slot = if !live(&entries[set]) {
            set
        } else if !live(&entries[set + 1]) {
            set + 1
        } else {
            entries.swap(set, set + 1);
            set
        };
        entries[slot] = Some(Entry { class: Rc::downgrade(class), name: name.clone(), epoch, found, native });
        value
    }
}
