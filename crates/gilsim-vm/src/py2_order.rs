//! The order Python 2.7 iterates a dict in: its hash table's, not insertion order. gilsim's
//! dicts keep insertion order (as CPython 3.7+'s do); under 2.7 the places that show the order
//! — iteration, `keys()`/`values()`/`items()`, `repr`, `list(d)` — ask [`dict_order`], which
//! replays the insertions into 2.7's table ([`crate::set::python2_table_order`]). That is 2.7's
//! order exactly for a dict that grew by insertions and assignments (deletions leave dummies
//! 2.7 may reuse; a dict display of more than five items or a copy starts 2.7's table larger:
//! those can differ). A dict with a key hashed by identity (an instance) keeps insertion
//! order, as sets do.
//!
//! `collections.OrderedDict` keeps its items in a dict of its own, which must stay in
//! insertion order: library/collections.py registers it ([`keep_insertion_order`]).
//!
//! Invariant: the registry is the run's (reset as each run's VM is made) and holds a weak
//! reference to each registered dict, so that no other dict takes its address while
//! registered.

use crate::dict::Dict;
use crate::footprint::PyCell;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::{Rc, Weak};

thread_local! {
    /// The dicts of `OrderedDict`s, by address.
    static INSERTION_ORDERED: RefCell<BTreeMap<usize, Weak<PyCell<Dict>>>> = const { RefCell::new(BTreeMap::new()) };
    /// The registry's size at which its dead entries are next dropped.
    static PRUNE_AT: Cell<usize> = const { Cell::new(MIN_PRUNE_AT) };
}

const MIN_PRUNE_AT: usize = 256;

/// Start a run with no dict registered.
pub(crate) fn reset() {
    INSERTION_ORDERED.take();
    PRUNE_AT.set(MIN_PRUNE_AT);
}

/// Whether no dict is registered (a copy of the run could not take the registry along).
pub(crate) fn idle() -> bool {
    INSERTION_ORDERED.with_borrow(BTreeMap::is_empty)
}

/// Keep `dict` in insertion order under Python 2.7 (an `OrderedDict`'s).
pub(crate) fn keep_insertion_order(dict: &Rc<PyCell<Dict>>) {
    INSERTION_ORDERED.with_borrow_mut(|registry| {
        if registry.len() >= PRUNE_AT.get() {
            registry.retain(|_, weak| weak.strong_count() > 0);
            PRUNE_AT.set((registry.len() * 2).max(MIN_PRUNE_AT));
        }
        registry.insert(Rc::as_ptr(dict) as usize, Rc::downgrade(dict));
    });
}

/// The order `dict`'s entries iterate in, as indices, when it is not insertion order: under
/// Python 2.7, for a dict of two or more entries whose keys hash by value.
pub(crate) fn dict_order(dict: &Rc<PyCell<Dict>>) -> Option<Rc<[usize]>> {
    if !crate::hash::python2() {
        return None;
    }
    let entries = dict.borrow_unnoted();
    if entries.len() < 2
        || INSERTION_ORDERED.with_borrow(|registry| registry.contains_key(&(Rc::as_ptr(dict) as usize)))
    {
        return None;
    }
    let hashes: Option<Vec<i64>> = entries.keys().map(|key| crate::hash::value_hash(&key.0)).collect();
    Some(crate::set::python2_table_order(hashes?.into_iter()).into())
}

/// `dict`'s entries in iteration order, each made by `item` (one read of the dict).
pub(crate) fn entries<T>(
    dict: &Rc<PyCell<Dict>>,
    mut item: impl FnMut(&crate::dict::Key, &crate::value::Value) -> T,
) -> Vec<T> {
    let order = dict_order(dict);
    let entries = dict.borrow();
    match order {
        Some(order) => order.iter().filter_map(|&i| entries.get_index(i)).map(|(k, v)| item(k, v)).collect(),
        None => entries.iter().map(|(k, v)| item(k, v)).collect(),
    }
}
