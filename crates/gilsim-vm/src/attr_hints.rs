//! Where an instance's attribute sits in its dict, remembered per class and name: the
//! instances of a class mostly set their attributes in the same order (in `__init__`), so
//! `self.name` is found at the same index of every instance's dict. CPython 3.11 keeps that
//! index at the instruction (`LOAD_ATTR_INSTANCE_VALUE`, PEP 659), guarded by the type's
//! version and the dict's shared keys; here a hit is confirmed by the entry itself.
//!
//! Invariant: a hint is only a guess. It is used only when the dict entry at the hinted index
//! has the very name looked up as its key (the same allocation: the program's names are one
//! `Rc` per spelling, [`crate::Image`]), and a dict's keys are unique, so a confirmed hint
//! answers exactly what the hashed lookup would. A stale hint (the class freed and its address
//! reused, the dict reordered by a deletion) only misses; hints hold nothing alive. A
//! module's attributes are hinted the same way, by the module's address, and a hint is
//! confirmed by a key that is the name or spells it (a native module's keys are its own strs).

use crate::dict::{Dict, Key, Name};
use crate::lookup_cache::slot_of;
use crate::value::{AttrMap, Class, Str, Value};
use std::rc::Rc;

#[derive(Default)]
pub(crate) struct AttrHints {
    /// Sets of two hints by (class, name) address (two hot names in one direct-mapped slot
    /// would evict each other on every access); empty until the first lookup.
    entries: Vec<Hint>,
}

#[derive(Clone, Copy, Default)]
struct Hint {
    /// The address of the class whose instances' dicts the hint is for, or of a module.
    owner: usize,
    name: usize,
    index: usize,
}

impl AttrHints {
    const SETS: usize = 256;

    /// Where `name` is in `dict`, the dict of an instance of `class`: the hinted index when
    /// its entry's key is `name` itself, else by hashing (and then the index is remembered).
    #[inline]
    pub(crate) fn index_of(&mut self, dict: &Dict, class: &Rc<Class>, name: &Str) -> Option<usize> {
        self.hinted(dict, class, name).or_else(|| self.index_by_hash(dict, class, name))
    }

    /// The hinted index of `name` in `dict`, when its entry's key is `name` itself.
    #[inline]
    pub(crate) fn hinted(&self, dict: &Dict, class: &Rc<Class>, name: &Str) -> Option<usize> {
        self.confirmed(
            Rc::as_ptr(class) as usize,
            name,
            |index| matches!(dict.get_index(index), Some((Key(Value::Str(key)), _)) if Str::ptr_eq(key, name)),
        )
    }

    /// The index a hint of (`owner`'s address, `name`) gives, when `confirms` accepts it.
    #[inline(always)]
    fn confirmed(&self, owner: usize, name: &Str, confirms: impl Fn(usize) -> bool) -> Option<usize> {
        let name_at = address(name);
        let set = 2 * slot_of(owner, name_at, Self::SETS);
        [set, set + 1].into_iter().find_map(|slot| {
            let hint = self.entries.get(slot)?;
            (hint.owner == owner && hint.name == name_at && confirms(hint.index)).then_some(hint.index)
        })
    }

    /// `dict[name]`, found as [`AttrHints::index_of`] finds it.
    #[inline]
    pub(crate) fn value_of(&mut self, dict: &Dict, class: &Rc<Class>, name: &Str) -> Option<Value> {
        let index = self.index_of(dict, class, name)?;
        dict.get_index(index).map(|(_, value)| value.clone())
    }

    /// The hashed lookup, remembered.
    #[inline(never)]
    fn index_by_hash(&mut self, dict: &Dict, class: &Rc<Class>, name: &Str) -> Option<usize> {
        let (index, key, _) = dict.get_full(&Name(name))?;
        self.remember(class, name, &key.0, index);
        Some(index)
    }

    /// Remember that `name` is the key `key` at `index` of the dicts of `class`'s instances:
    /// the hint replaces the set's hint for the same class and name, or else the older of the
    /// two. A key spelled like the name but made at run time (`setattr(obj, prefix + "x",
    /// v)`) could never confirm a hint, and is not remembered.
    pub(crate) fn remember(&mut self, class: &Rc<Class>, name: &Str, key: &Value, index: usize) {
        if !matches!(key, Value::Str(key) if Str::ptr_eq(key, name)) {
            return;
        }
        self.put(Rc::as_ptr(class) as usize, name, index);
    }

    /// `module.name` from the module's attributes `attrs` (`module` the module's address),
    /// found as [`AttrHints::index_of`] finds an instance's attribute: the library and scripts
    /// read module attributes by name all the time (`_gilsim.gen_resume(...)` on every
    /// generator step, `time.sleep(...)`). A hint is confirmed by the entry's key, which must
    /// be the name itself or spell it (a module's keys are unique too).
    #[inline]
    pub(crate) fn module_value(&mut self, attrs: &AttrMap, module: usize, name: &Str) -> Option<Value> {
        // By text too: a native module's names are its own strs.
        let spells =
            |index| matches!(attrs.get_index(index), Some((key, _)) if Str::ptr_eq(key, name) || **key == **name);
        match self.confirmed(module, name, spells) {
            Some(index) => attrs.get_index(index).map(|(_, value)| value.clone()),
            None => self.module_value_by_hash(attrs, module, name),
        }
    }

    /// The hashed lookup of [`AttrHints::module_value`], remembered.
    #[inline(never)]
    fn module_value_by_hash(&mut self, attrs: &AttrMap, module: usize, name: &Str) -> Option<Value> {
        let (index, _, value) = attrs.get_full(&Name(name))?;
        self.put(module, name, index);
        Some(value.clone())
    }

    /// Remember `index` for (`owner`'s address, `name`): the hint replaces the set's hint for
    /// the same owner and name, or else the older of the two.
    fn put(&mut self, owner: usize, name: &Str, index: usize) {
        if self.entries.is_empty() {
            self.entries.resize(2 * Self::SETS, Hint::default());
        }
        let set = 2 * slot_of(owner, address(name), Self::SETS);
        let hint = Hint { owner, name: address(name), index };
        let same = |slot: &Hint| slot.owner == owner && slot.name == hint.name;
        if same(&self.entries[set + 1]) {
            self.entries[set + 1] = hint;
        } else {
            if !same(&self.entries[set]) {
                self.entries[set + 1] = self.entries[set];
            }
            self.entries[set] = hint;
        }
    }
}

fn address(name: &Str) -> usize {
    name.address()
}
