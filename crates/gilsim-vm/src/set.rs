//! `set`: membership in an insertion-ordered hash set, plus — while every member is hashed by
//! value (numbers, strings, `None`, tuples of these) — the slot layout CPython 3's
//! `Objects/setobject.c` would give the same history of operations, so that such sets iterate
//! (and print) in CPython's order: linear probing over 9 neighbours, then perturbed
//! probing; deleted slots become dummies; the table grows to hold 4 × `used` (2 × past
//! 50,000) once it is 3/5 full; `pop` sweeps from a finger. Strings hash with a fixed key,
//! so their order is one CPython may produce (it randomises string hashes per process).
//!
//! Python 2.7's sets (and dicts, which gilsim keeps in insertion order and 2.7 iterates in
//! its table's: [`python2_table_order`]) probe as 2.7's `dictobject.c` does (`i = 5*i +
//! perturb + 1`, no linear runs), grow once 2/3 full, and `pop` from slot 0 or a finger kept
//! in slot 0's hash; its strings hash as 2.7's do (crate::hash), so the order is 2.7's own.
//!
//! A member hashed by identity (an instance, a function) has no process-independent hash:
//! from its first insertion on, the set iterates in insertion order (docs/language.md).
//! Invariant: when `layout` is present, it holds exactly the members, each once.

use crate::dict::{FixedState, Key};
use crate::hash::python2;
use crate::hash::value_hash;
use crate::value::Value;
use indexmap::IndexSet;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// Whether a table of `mask + 1` slots, `fill` of them used or dummy, grows: CPython 3's
/// `fill*5 >= mask*3`, 2.7's `fill*3 >= (mask+1)*2`.
fn too_full(fill: usize, mask: usize) -> bool {
    if python2() {
        fill * 3 >= (mask + 1) * 2
    } else {
        fill * 5 >= mask * 3
    }
}

/// The order Python 2.7 iterates a dict whose keys, hashed `hashes`, were inserted in that
/// order (and none deleted): their indices, in the order of the slots they take. A dict's
/// table grows and probes as a set's does in 2.7.
pub(crate) fn python2_table_order(hashes: impl Iterator<Item = i64>) -> Vec<usize> {
    let mut layout = Layout::default();
    for (index, hash) in hashes.enumerate() {
        // The key's index stands for the key: the table never compares keys on insertion.
        layout.add(hash as u64, Key(Value::Int(index as i64)), index + 1);
    }
    layout
        .keys()
        .map(|key| match key.0 {
            Value::Int(index) => index as usize,
            _ => unreachable!("indices were inserted"),
        })
        .collect()
}

#[derive(Clone, Default)]
pub struct PySet {
    members: IndexSet<Key, FixedState>,
    layout: Option<Layout>,
    /// A member without a value hash was ever added (see the module docs).
    by_insertion: bool,
    /// A `frozenset`: its hash, computed when it was made (CPython caches it too).
    frozen: Option<FrozenHash>,
}

/// The hash of a frozenset: `hash()`'s, and — when every member hashes by value — the one
/// that places it in sets and is the same in every process (None otherwise: it is placed by
/// insertion, as other objects hashed by identity are).
#[derive(Clone, Copy, Debug)]
pub struct FrozenHash {
    pub hash: i64,
    pub by_value: Option<i64>,
}

#[derive(Clone)]
enum Slot {
    Empty,
    Dummy,
    Used(u64, Key),
}

#[derive(Clone)]
struct Layout {
    table: Vec<Slot>,
    /// Slots used or dummy.
    fill: usize,
    finger: usize,
}

impl Default for Layout {
    fn default() -> Layout {
        Layout { table: vec![Slot::Empty; MIN_SIZE], fill: 0, finger: 0 }
    }
}

impl Layout {
    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// The probe sequence from `hash`: runs of up to 10 neighbours, then a perturbed jump
    /// (2.7: the perturbed jumps alone).
    fn probe(mask: usize, hash: u64, mut visit: impl FnMut(usize) -> bool) -> usize {
        let mut i = hash as usize & mask;
        let mut perturb = hash;
        if python2() {
            loop {
                if visit(i & mask) {
                    return i & mask;
                }
                i = (i << 2).wrapping_add(i).wrapping_add(perturb as usize).wrapping_add(1);
                perturb >>= PERTURB_SHIFT;
            }
        }
        loop {
            let run = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + run {
                if visit(j) {
                    return j;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// `set_add_entry` for a key known not to be present: the first dummy or empty slot.
    fn add(&mut self, hash: u64, key: Key, used: usize) {
        let table = &self.table;
        let mut free = None;
        let at = Layout::probe(self.mask(), hash, |j| match &table[j] {
            Slot::Empty => true,
            Slot::Dummy => {
                free.get_or_insert(j);
                false
            }
            Slot::Used(..) => false,
        });
        let at = free.unwrap_or(at);
        self.place(at, hash, key);
        if free.is_none() {
            self.fill += 1;
            if too_full(self.fill, self.mask()) {
                self.resize(if used > 50_000 { used * 2 } else { used * 4 });
            }
        }
    }

    /// Put a member in slot `at` (2.7 keeps its pop finger in slot 0's hash field, which a
    /// member there overwrites).
    fn place(&mut self, at: usize, hash: u64, key: Key) {
        if at == 0 && python2() {
            self.finger = hash as usize;
        }
        self.table[at] = Slot::Used(hash, key);
    }

    /// `set_table_resize`: the smallest power of two above `min_used`, members re-inserted
    /// in slot order.
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Empty; size]);
        self.fill = 0;
        if python2() {
            self.finger = 0;
        }
        for slot in old {
            if let Slot::Used(hash, key) = slot {
                self.insert_clean(hash, key);
            }
        }
    }

    /// `set_insert_clean`: into a table without dummies or the key.
    fn insert_clean(&mut self, hash: u64, key: Key) {
        let table = &self.table;
        let at = Layout::probe(self.mask(), hash, |j| matches!(table[j], Slot::Empty));
        self.place(at, hash, key);
        self.fill += 1;
    }

    fn find(&self, hash: u64, key: &Key) -> Option<usize> {
        let table = &self.table;
        let at = Layout::probe(self.mask(), hash, |j| match &table[j] {
            Slot::Empty => true,
            Slot::Used(h, k) => *h == hash && k == key,
            Slot::Dummy => false,
        });
        matches!(self.table[at], Slot::Used(..)).then_some(at)
    }

    fn keys(&self) -> impl Iterator<Item = &Key> {
        self.table.iter().filter_map(|slot| match slot {
            Slot::Used(_, key) => Some(key),
            _ => None,
        })
    }
}

impl PySet {
    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    pub fn contains(&self, key: &Key) -> bool {
        self.members.contains(key)
    }

    /// Add `key`; false if an equal member was there (it stays, as in CPython).
    pub fn insert(&mut self, key: Key) -> bool {
        if !self.members.insert(key.clone()) {
            return false;
        }
        match value_hash(&key.0) {
            Some(hash) if !self.by_insertion => {
                let used = self.members.len();
                self.layout.get_or_insert_with(Layout::default).add(hash as u64, key, used);
            }
            _ => {
                self.by_insertion = true;
                self.layout = None;
            }
        }
        true
    }

    /// Remove `key`; false if it was not a member.
    pub fn remove(&mut self, key: &Key) -> bool {
        if !self.members.shift_remove(key) {
            return false;
        }
        if let (Some(layout), Some(hash)) = (&mut self.layout, value_hash(&key.0)) {
            if let Some(at) = layout.find(hash as u64, key) {
                layout.table[at] = Slot::Dummy;
            }
        }
        true
    }

    /// `set.pop()`: CPython's sweep from the finger, or the first member inserted.
    pub fn pop(&mut self) -> Option<Key> {
        let Some(layout) = &mut self.layout else { return self.members.shift_remove_index(0) };
        if self.members.is_empty() {
            return None;
        }
        let mask = layout.mask();
        let used = |layout: &Layout, at: usize| matches!(layout.table[at], Slot::Used(..));
        let at = if !python2() {
            let mut at = layout.finger & mask;
            while !used(layout, at) {
                at = (at + 1) & mask;
            }
            at
        } else if used(layout, 0) {
            0
        } else {
            // 2.7: slot 0, else from the finger in slot 0's hash, skipping slot 0.
            let mut at = if (1..=mask).contains(&layout.finger) { layout.finger } else { 1 };
            while !used(layout, at) {
                at = if at == mask { 1 } else { at + 1 };
            }
            at
        };
        let Slot::Used(_, key) = std::mem::replace(&mut layout.table[at], Slot::Dummy) else { unreachable!() };
        layout.finger = at + 1;
        self.members.shift_remove(&key);
        Some(key)
    }

    pub fn clear(&mut self) {
        self.members.clear();
        if let Some(layout) = &mut self.layout {
            // 3.x keeps its finger; 2.7's table starts over, slot 0's hash with it.
            let finger = if python2() { 0 } else { layout.finger };
            *layout = Layout { finger, ..Layout::default() };
        }
    }

    /// The same set with each member replaced by `f` of it (a copy of the run,
    /// [`crate::snapshot`]: `f` maps equal members to equal ones, so the layout stands).
    pub(crate) fn try_map<E>(&self, mut f: impl FnMut(&Value) -> Result<Value, E>) -> Result<PySet, E> {
        let mut members = IndexSet::with_capacity_and_hasher(self.members.len(), FixedState::default());
        for key in &self.members {
            members.insert(Key(f(&key.0)?));
        }
        let layout = match &self.layout {
            Some(layout) => {
                let mut table = Vec::with_capacity(layout.table.len());
                for slot in &layout.table {
                    table.push(match slot {
                        Slot::Used(hash, key) => Slot::Used(*hash, Key(f(&key.0)?)),
                        Slot::Empty => Slot::Empty,
                        Slot::Dummy => Slot::Dummy,
                    });
                }
                Some(Layout { table, fill: layout.fill, finger: layout.finger })
            }
            None => None,
        };
        Ok(PySet { members, layout, by_insertion: self.by_insertion, frozen: self.frozen })
    }

    /// The size of CPython's table for this set's history (8 while small), for
    /// `sys.getsizeof`; None when members are placed by insertion (no layout is kept).
    pub fn table_size(&self) -> Option<usize> {
        if self.by_insertion {
            return None;
        }
        Some(self.layout.as_ref().map_or(8, |layout| layout.table.len()))
    }

    /// Members in iteration order.
    pub fn iter(&self) -> Box<dyn Iterator<Item = &Key> + '_> {
        match &self.layout {
            Some(layout) => Box::new(layout.keys()),
            None => Box::new(self.members.iter()),
        }
    }

    /// `set_merge`: add `other`'s members in its order, after one resize for both.
    pub fn merge(&mut self, other: &PySet) {
        if let Some(layout) = &mut self.layout {
            let used = self.members.len();
            if too_full(layout.fill + other.len(), layout.mask()) {
                layout.resize((used + other.len()) * 2);
            }
        } else if self.members.is_empty() && !self.by_insertion && other.layout.is_some() {
            let mut layout = Layout::default();
            if too_full(other.len(), layout.mask()) {
                layout.resize(other.len() * 2);
            }
            self.layout = Some(layout);
        }
        for key in other.iter() {
            self.insert(key.clone());
        }
    }

    /// A copy as `set(s)` makes it (`set_merge` into an empty set).
    /// Whether this is a `frozenset`.
    pub fn is_frozen(&self) -> bool {
        self.frozen.is_some()
    }

    pub fn frozen_hash(&self) -> Option<FrozenHash> {
        self.frozen
    }

    /// Make this set a `frozenset` with `hash` ([`crate::Vm::freeze`]).
    pub(crate) fn freeze(&mut self, hash: FrozenHash) {
        self.frozen = Some(hash);
    }

    /// A `set` with the same members and layout (never frozen).
    pub fn copy(&self) -> PySet {
        let mut copy = PySet::default();
        copy.merge(self);
        copy
    }
}

/// The binary operations, each visiting members in the order CPython's does (which decides
/// the result's layout).
impl PySet {
    /// `a | b`: a copy of `a`, then `b` merged.
    pub fn union(&self, other: &PySet) -> PySet {
        let mut out = self.copy();
        out.merge(other);
        out
    }

    /// `a & b`: the members of the smaller set (`b` when equal) found in the other.
    pub fn intersection(&self, other: &PySet) -> PySet {
        let (big, small) = if other.len() > self.len() { (other, self) } else { (self, other) };
        small.iter().filter(|k| big.contains(k)).cloned().collect()
    }

    /// `a - b`: a copy of `a` without `b`'s members when `b` is small, else `a`'s members not
    /// in `b`.
    pub fn difference(&self, other: &PySet) -> PySet {
        if self.len() >> 2 > other.len() {
            let mut out = self.copy();
            for key in other.iter() {
                out.remove(key);
            }
            return out;
        }
        self.iter().filter(|k| !other.contains(k)).cloned().collect()
    }

    /// `a ^ b`: a copy of `b`, with `a`'s members toggled.
    pub fn symmetric_difference(&self, other: &PySet) -> PySet {
        let mut out = other.copy();
        out.toggle(self);
        out
    }

    /// `a ^= b`: each member of `b` removed from `a` if there, else added.
    pub fn toggle(&mut self, other: &PySet) {
        for key in other.iter() {
            if !self.remove(key) {
                self.insert(key.clone());
            }
        }
    }

    pub fn is_subset(&self, other: &PySet) -> bool {
        self.len() <= other.len() && self.iter().all(|k| other.contains(k))
    }
}

impl FromIterator<Key> for PySet {
    fn from_iter<I: IntoIterator<Item = Key>>(items: I) -> PySet {
        let mut set = PySet::default();
        for key in items {
            set.insert(key);
        }
        set
    }
}

impl IntoIterator for PySet {
    type Item = Key;
    type IntoIter = std::vec::IntoIter<Key>;
    fn into_iter(self) -> Self::IntoIter {
        match self.layout {
            Some(layout) => layout
                .table
                .into_iter()
                .filter_map(|slot| match slot {
                    Slot::Used(_, key) => Some(key),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .into_iter(),
            None => self.members.into_iter().collect::<Vec<_>>().into_iter(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Value;

    fn set_of(items: &[i64]) -> PySet {
        items.iter().map(|&i| Key(Value::Int(i))).collect()
    }

    fn order(set: &PySet) -> Vec<i64> {
        set.iter()
            .map(|k| match k.0 {
                Value::Int(i) => i,
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn small_ints_iterate_as_in_cpython() {
        // CPython 3.11: {3, 1, 2, 10, 33, 64, -1} prints {64, 1, 2, 3, 33, 10, -1}.
        assert_eq!(order(&set_of(&[3, 1, 2, 10, 33, 64, -1])), [64, 1, 2, 3, 33, 10, -1]);
        // s = set(); s.add(x) for [100, 5, 37, 8, 1000, 2] prints {2, 100, 37, 5, 8, 1000}.
        assert_eq!(order(&set_of(&[100, 5, 37, 8, 1000, 2])), [2, 100, 37, 5, 8, 1000]);
    }
}
