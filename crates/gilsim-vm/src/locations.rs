//! The numbering of the locations the detectors track (the non-global ones: a closure cell,
//! an attribute of one object — per thread for a `threading.local` —, a dict key, a list
//! slot), numbered in the order first touched.
//!
//! A numbered location holds its object weakly: the object dies when the script drops it, as
//! in CPython (weak references and memory see that), while the weak reference keeps its
//! allocation, so an address is never reused for a different location while the location is
//! numbered. A location whose object died can never be touched again: a sweep, run when the
//! live locations have doubled, retires those that no report names, drops their weak
//! references (so their allocations are freed) and gives their ids to new locations — the
//! table stays as large as what the script keeps alive, not as long as the run (a loop making
//! a million short-lived objects kept every one of their allocations and locations). Runs
//! that never number [`Locations::FIRST_SWEEP`] locations never sweep, and keep the numbers
//! they always had.

use crate::dict::{FixedState, Key};
use crate::footprint::PyCell;
use crate::value::{Class, Instance, Str, Value};
use gilsim_detect::{AccessTracker, LocId, ThreadId};
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

#[derive(Clone, Eq)]
pub(crate) enum LocKey {
    Cell(usize),
    /// Object address, attribute name, and the thread for a `threading.local`.
    Attr(usize, Str, Option<ThreadId>),
    Item(usize, Key),
}

impl std::hash::Hash for LocKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            LocKey::Cell(address) => address.hash(state),
            LocKey::Attr(address, name, thread) => (address, &**name, thread).hash(state),
            LocKey::Item(address, key) => (address, key).hash(state),
        }
    }
}

/// By content, as `Hash` hashes it.
impl PartialEq for LocKey {
    fn eq(&self, other: &LocKey) -> bool {
        match (self, other) {
            (LocKey::Cell(a), LocKey::Cell(b)) => a == b,
            // Names compare by identity first.
            (LocKey::Attr(a, name, t), LocKey::Attr(b, other_name, u)) => {
                a == b && t == u && crate::dict::same_text(name, other_name)
            }
            (LocKey::Item(a, key), LocKey::Item(b, other_key)) => a == b && key == other_key,
            _ => false,
        }
    }
}

/// What a location being looked up belongs to, borrowed until it is numbered.
pub(crate) enum OwnerRef<'a> {
    Object(&'a Value),
    Cell(&'a Rc<PyCell<Value>>),
}

/// The numbering of non-global locations. Each location's key and owner are kept, and
/// reports name the location from them at the end, when the script's globals name its
/// objects.
#[derive(Default)]
pub struct Locations {
    ids: HashMap<LocKey, LocId, FixedState>,
    /// By id minus the globals' count; `None` for a retired location, whose id is in `free`.
    numbered: Vec<Option<(LocKey, Owner)>>,
    /// Retired ids, numbering the next new locations (the last retired first).
    free: Vec<LocId>,
    /// How many locations were live after the last sweep.
    live_after_sweep: usize,
    /// Recently used attribute and item locations, found before `ids` hashes their key.
    recent: RecentLocations,
}

impl Locations {
    /// Live locations at which the first sweep runs; later sweeps run when the live
    /// locations have doubled since the last one.
    pub(crate) const FIRST_SWEEP: usize = 4096;

    /// The id of a location recently used, by its object's address and its member.
    #[inline(always)]
    pub(crate) fn recent(&self, object: usize, member: MemberRef<'_>, thread: Option<ThreadId>) -> Option<LocId> {
        self.recent.get(object, member, thread)
    }

    /// The id of the location of `object`'s `member` (for `thread` when a `threading.local`),
    /// numbered by [`Locations::number`] when it is not among the recent ones.
    pub(crate) fn number_member(
        &mut self,
        globals: LocId,
        (object, member, thread): (usize, MemberRef<'_>, Option<ThreadId>),
        key: impl FnOnce() -> LocKey,
        owner: OwnerRef<'_>,
        tracker: Option<&mut AccessTracker>,
    ) -> LocId {
        if let Some(id) = self.recent.get(object, member, thread) {
            return id;
        }
        let id = self.number(globals, key(), owner, tracker);
        self.recent.put(object, member, thread, id);
        id
    }

    /// The id of location `key` (after the `globals` ids of the module globals), numbering
    /// it (and recording its owner) when new. `tracker` forgets what it knew of an id this
    /// numbering retires.
    pub(crate) fn number(
        &mut self,
        globals: LocId,
        key: LocKey,
        owner: OwnerRef<'_>,
        tracker: Option<&mut AccessTracker>,
    ) -> LocId {
        if self.numbered.len() - self.free.len() >= Self::FIRST_SWEEP.max(2 * self.live_after_sweep) {
            self.sweep(globals, tracker);
        }
        // One hash of the key, found or not.
        let vacant = match self.ids.entry(key) {
            Entry::Occupied(numbered) => return *numbered.get(),
            Entry::Vacant(vacant) => vacant,
        };
        let owner = match owner {
            OwnerRef::Object(object) => Owner::of(object),
            OwnerRef::Cell(cell) => Owner::of(&Value::Cell(cell.clone())),
        };
        let slot = Some((vacant.key().clone(), owner));
        let id = match self.free.pop() {
            Some(id) => {
                self.numbered[(id - globals) as usize] = slot;
                id
            }
            None => {
                self.numbered.push(slot);
                globals + self.numbered.len() as LocId - 1
            }
        };
        vacant.insert(id);
        id
    }

    /// Retire every location whose object died and that no report of `tracker` names: its
    /// object's allocation is let go (its address may now be reused, so the recent-locations
    /// cache starts over) and its id goes to `free`.
    #[cold]
    #[inline(never)]
    fn sweep(&mut self, globals: LocId, mut tracker: Option<&mut AccessTracker>) {
        let free_before = self.free.len();
        for (index, slot) in self.numbered.iter_mut().enumerate() {
            let Some((_, owner)) = slot else { continue };
            let id = globals + index as LocId;
            if owner.alive() || tracker.as_ref().is_some_and(|tracker| tracker.reports(id)) {
                continue;
            }
            if let Some(tracker) = tracker.as_mut() {
                tracker.forget(id);
            }
            *slot = None;
            self.free.push(id);
        }
        if self.free.len() > free_before {
            // In one pass over the table: no key is hashed again.
            let numbered = &self.numbered;
            self.ids.retain(|_, id| numbered[(*id - globals) as usize].is_some());
        }
        // The lowest ids are given first.
        self.free.sort_unstable_by(|a, b| b.cmp(a));
        self.live_after_sweep = self.numbered.len() - self.free.len();
        self.recent = RecentLocations::default();
    }

    /// The key and owner of the location numbered `index` after the globals' ids.
    pub(crate) fn get(&self, index: usize) -> Option<(&LocKey, &Owner)> {
        self.numbered.get(index)?.as_ref().map(|(key, owner)| (key, owner))
    }

    /// The numbering of a copy of the run ([`crate::snapshot`]): every location keeps its id,
    /// keyed by its owner's copy (an owner that died keeps its allocation's address, which
    /// its weak anchor keeps reserved). The recent-locations cache starts empty.
    pub(crate) fn copy(&self, cloner: &mut crate::snapshot::Cloner) -> Result<Locations, crate::snapshot::Unclonable> {
        let mut copy = Locations {
            free: self.free.clone(),
            live_after_sweep: self.live_after_sweep,
            numbered: Vec::with_capacity(self.numbered.len()),
            ..Locations::default()
        };
        for slot in &self.numbered {
            let Some((key, owner)) = slot else {
                copy.numbered.push(None);
                continue;
            };
            let id = self.ids[key];
            let (key, owner) = match owner.object() {
                Some(object) => {
                    let object = cloner.value(&object)?;
                    let address = address(&object);
                    let key = match (key, &object) {
                        (LocKey::Cell(_), Value::Cell(cell)) => LocKey::Cell(Rc::as_ptr(cell) as *const u8 as usize),
                        (LocKey::Attr(_, name, thread), _) => LocKey::Attr(address, name.clone(), *thread),
                        (LocKey::Item(_, index), _) => LocKey::Item(address, Key(cloner.value(&index.0)?)),
                        (LocKey::Cell(_), _) => unreachable!("a cell's location is anchored by the cell"),
                    };
                    (key, Owner { type_name: owner.type_name.clone(), ..Owner::of(&object) })
                }
                None => (key.clone(), owner.clone()),
            };
            copy.ids.insert(key.clone(), id);
            copy.numbered.push(Some((key, owner)));
        }
        Ok(copy)
    }

    /// Forget every location (for [`crate::Vm::teardown`]).
    pub(crate) fn clear(&mut self) {
        self.ids.clear();
        self.numbered.clear();
        self.free.clear();
        self.live_after_sweep = 0;
        self.recent = RecentLocations::default();
    }
}

/// A direct-mapped cache of attribute and item locations by object address and member:
/// an attribute's name or a str key by *identity* (the program's names are one `Rc` per
/// spelling), an int index or key by value. An entry holds its name, so no other string can
/// take that address while it is cached; an object's address stays unique while its location
/// exists (see [`Anchor`]). So a hit is exactly what `ids` would answer.
#[derive(Default)]
struct RecentLocations {
    entries: Vec<Option<Recent>>,
    misses: u32,
}

enum Member {
    Attr(Str),
    StrItem(Str),
    IntItem(i64),
}

/// A [`Member`] being looked up, borrowed.
#[derive(Clone, Copy)]
pub(crate) enum MemberRef<'a> {
    Attr(&'a Str),
    StrItem(&'a Str),
    IntItem(i64),
}

impl MemberRef<'_> {
    #[inline]
    fn bits(self) -> usize {
        match self {
            MemberRef::Attr(name) | MemberRef::StrItem(name) => name.address(),
            MemberRef::IntItem(i) => i as usize,
        }
    }

    fn owned(self) -> Member {
        match self {
            MemberRef::Attr(name) => Member::Attr(name.clone()),
            MemberRef::StrItem(name) => Member::StrItem(name.clone()),
            MemberRef::IntItem(i) => Member::IntItem(i),
        }
    }
}

impl Member {
    /// Names by identity, ints by value.
    #[inline]
    fn is(&self, other: MemberRef<'_>) -> bool {
        match (self, other) {
            (Member::Attr(a), MemberRef::Attr(b)) | (Member::StrItem(a), MemberRef::StrItem(b)) => Str::ptr_eq(a, b),
            (Member::IntItem(a), MemberRef::IntItem(b)) => *a == b,
            _ => false,
        }
    }
}

struct Recent {
    address: usize,
    member: Member,
    thread: Option<ThreadId>,
    id: LocId,
}

impl RecentLocations {
    /// Entries of a run's first table: allocated by its first attribute or item access.
    const SMALL: usize = 64;
    /// Entries after [`Self::GROW_AFTER`] misses: a script cycling over more members than
    /// the small table holds (a dict of a hundred counters) would miss on every access.
    const LARGE: usize = 1024;
    const GROW_AFTER: u32 = 1024;

    #[inline]
    fn slot(&self, address: usize, member: MemberRef<'_>) -> usize {
        crate::lookup_cache::slot_of(address, member.bits(), self.entries.len())
    }

    #[inline]
    fn get(&self, address: usize, member: MemberRef<'_>, thread: Option<ThreadId>) -> Option<LocId> {
        if self.entries.is_empty() {
            return None;
        }
        let entry = self.entries[self.slot(address, member)].as_ref()?;
        (entry.address == address && entry.member.is(member) && entry.thread == thread).then_some(entry.id)
    }

    fn put(&mut self, address: usize, member: MemberRef<'_>, thread: Option<ThreadId>, id: LocId) {
        self.misses += 1;
        if self.entries.is_empty() || self.misses == Self::GROW_AFTER {
            let size = if self.entries.is_empty() { Self::SMALL } else { Self::LARGE };
            self.entries.clear();
            self.entries.resize_with(size, || None);
        }
        let slot = self.slot(address, member);
        self.entries[slot] = Some(Recent { address, member: member.owned(), thread, id });
    }
}

/// What a numbered location belongs to, as reports name it.
#[derive(Clone)]
pub(crate) struct Owner {
    pub(crate) address: usize,
    /// The class of an instance or class attribute's object; the type of a container.
    pub(crate) type_name: TypeName,
    pub(crate) anchor: Anchor,
}

/// An owner's type as reports name it: a built-in container's needs no string of its own
/// (a loop making a list a turn numbered a location and allocated its name each time).
#[derive(Clone)]
pub(crate) enum TypeName {
    Builtin(&'static str),
    Named(Str),
}

impl std::fmt::Display for TypeName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TypeName::Builtin(name) => f.write_str(name),
            TypeName::Named(name) => f.write_str(name),
        }
    }
}

/// The owner's allocation, held so that its address stays unique: weakly for the script's
/// objects (which may die), strongly for a class.
#[derive(Clone)]
pub(crate) enum Anchor {
    Instance(Weak<Instance>),
    Class(Rc<Class>),
    List(Weak<PyCell<Vec<Value>>>),
    Dict(Weak<PyCell<crate::dict::Dict>>),
    Cell(Weak<PyCell<Value>>),
    /// A function, whose attributes scripts use as counters and caches (`tick.count += 1`).
    Function(Weak<crate::value::Function>),
    Other,
}

impl Owner {
    fn of(value: &Value) -> Owner {
        let (type_name, anchor) = match value {
            Value::Instance(i) => (TypeName::Named(i.class.name.clone()), Anchor::Instance(Rc::downgrade(i))),
            Value::Class(c) => (TypeName::Named(c.name.clone()), Anchor::Class(c.clone())),
            Value::List(l) => (TypeName::Builtin("list"), Anchor::List(Rc::downgrade(l))),
            Value::Dict(d) => (TypeName::Builtin("dict"), Anchor::Dict(Rc::downgrade(d))),
            Value::Cell(c) => (TypeName::Builtin("cell"), Anchor::Cell(Rc::downgrade(c))),
            Value::Function(f) => (TypeName::Named(f.name.clone()), Anchor::Function(Rc::downgrade(f))),
            other => (TypeName::Named(Str::from(crate::builtins::type_name_of(other))), Anchor::Other),
        };
        Owner { address: address(value), type_name, anchor }
    }

    /// The object, while it lives (None for a dead one, and for a kind not anchored).
    fn object(&self) -> Option<Value> {
        match &self.anchor {
            Anchor::Instance(w) => w.upgrade().map(Value::Instance),
            Anchor::Class(c) => Some(Value::Class(c.clone())),
            Anchor::List(w) => w.upgrade().map(Value::List),
            Anchor::Dict(w) => w.upgrade().map(Value::Dict),
            Anchor::Cell(w) => w.upgrade().map(Value::Cell),
            Anchor::Function(w) => w.upgrade().map(Value::Function),
            Anchor::Other => None,
        }
    }

    /// Whether the object still lives (a dead one is held by no global).
    pub(crate) fn alive(&self) -> bool {
        match &self.anchor {
            Anchor::Instance(w) => w.strong_count() > 0,
            Anchor::List(w) => w.strong_count() > 0,
            Anchor::Dict(w) => w.strong_count() > 0,
            Anchor::Cell(w) => w.strong_count() > 0,
            Anchor::Function(w) => w.strong_count() > 0,
            Anchor::Class(_) | Anchor::Other => true,
        }
    }
}

pub(crate) fn address(v: &Value) -> usize {
    match v {
        Value::Instance(i) => Rc::as_ptr(i) as *const u8 as usize,
        Value::Class(c) => Rc::as_ptr(c) as *const u8 as usize,
        Value::Dict(d) => Rc::as_ptr(d) as *const u8 as usize,
        Value::List(l) => Rc::as_ptr(l) as *const u8 as usize,
        Value::Function(f) => Rc::as_ptr(f) as *const u8 as usize,
        _ => 0,
    }
}
