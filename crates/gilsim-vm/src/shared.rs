//! Reporting shared-memory accesses and lock operations to the detectors
//! (`gilsim_detect::Event`). Only accesses made by the script's own code count: gilsim's
//! library modules are CPython's correct code, and the detectors see their effect through
//! the lock operations they make.
//!
//! A location is a module global (its id is its slot), or one closure cell, one attribute of
//! one object (per thread for a `threading.local`), one dict key or one list slot, numbered
//! in the order first touched. A numbered location holds its object weakly: the object dies
//! when the script drops it, as in CPython (weak references and memory see that), while the
//! weak reference keeps its allocation, so an address is never reused for a different
//! location.

use crate::dict::{FixedState, Key};
use crate::footprint::PyCell;
use crate::value::{Class, Instance, Slot, Str, Value};
use crate::{Thread, Vm};
use gilsim_bytecode::CodeObject;
use gilsim_detect::{Event, LocId, Shown, ShownKind, ThreadId};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

#[derive(Clone, Eq)]
enum LocKey {
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
enum OwnerRef<'a> {
    Object(&'a Value),
    Cell(&'a Rc<PyCell<Value>>),
}

/// A thread at a script line.
#[derive(Clone, Copy)]
pub(crate) struct Site {
    thread: ThreadId,
    line: u32,
}

/// Where an access happened.
pub(crate) enum Place<'a> {
    Cell(&'a Rc<PyCell<Value>>),
    Attr(&'a Value, &'a Str),
    Item(&'a Value, &'a Value),
}

/// The numbering of non-global locations. Each location's key and owner are kept, and
/// reports name the location from them at the end, when the script's globals name its
/// objects.
#[derive(Default)]
pub struct Locations {
    ids: HashMap<LocKey, LocId, FixedState>,
    numbered: Vec<(LocKey, Owner)>,
    /// Recently used attribute and item locations, found before `ids` hashes their key.
    recent: RecentLocations,
}

impl Locations {
    /// The numbering of a copy of the run ([`crate::snapshot`]): every location keeps its id,
    /// keyed by its owner's copy (an owner that died keeps its allocation's address, which
    /// its weak anchor keeps reserved). The recent-locations cache starts empty.
    pub(crate) fn copy(&self, cloner: &mut crate::snapshot::Cloner) -> Result<Locations, crate::snapshot::Unclonable> {
        let mut copy = Locations::default();
        for (key, owner) in &self.numbered {
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
            copy.numbered.push((key, owner));
        }
        Ok(copy)
    }

    /// Forget every location (for [`crate::Vm::teardown`]).
    pub(crate) fn clear(&mut self) {
        self.ids.clear();
        self.numbered.clear();
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
enum MemberRef<'a> {
    Attr(&'a Str),
    StrItem(&'a Str),
    IntItem(i64),
}

impl MemberRef<'_> {
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

    fn slot(&self, address: usize, member: MemberRef<'_>) -> usize {
        crate::lookup_cache::slot_of(address, member.bits(), self.entries.len())
    }

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
struct Owner {
    address: usize,
    /// The class of an instance or class attribute's object; the type of a container.
    type_name: Str,
    anchor: Anchor,
}

/// The owner's allocation, held so that its address stays unique: weakly for the script's
/// objects (which may die), strongly for a class.
#[derive(Clone)]
enum Anchor {
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
            Value::Instance(i) => (i.class.name.clone(), Anchor::Instance(Rc::downgrade(i))),
            Value::Class(c) => (c.name.clone(), Anchor::Class(c.clone())),
            Value::List(l) => (Str::from("list"), Anchor::List(Rc::downgrade(l))),
            Value::Dict(d) => (Str::from("dict"), Anchor::Dict(Rc::downgrade(d))),
            Value::Cell(c) => (Str::from("cell"), Anchor::Cell(Rc::downgrade(c))),
            Value::Function(f) => (f.name.clone(), Anchor::Function(Rc::downgrade(f))),
            other => (Str::from(crate::builtins::type_name_of(other)), Anchor::Other),
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
    fn alive(&self) -> bool {
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

/// A value as reports show it. An int, the value scripts share most, is tested first: the
/// full match is a jump table, an indirect branch on every access.
#[inline(always)]
fn shown(v: &Value) -> Shown {
    match v {
        Value::Int(i) => Shown::int(*i),
        other => shown_other(other),
    }
}

/// [`shown`] of any other value. Kept out of line: inlined, LLVM folds the int test back
/// into one jump table.
#[inline(never)]
fn shown_other(v: &Value) -> Shown {
    match v {
        Value::None => Shown::NONE,
        Value::Bool(b) => Shown::bool(b.get()),
        Value::Int(i) => Shown::int(*i),
        Value::Float(f) => Shown::float(f.get()),
        Value::Str(_) => Shown::of(ShownKind::Str),
        Value::List(_) => Shown::of(ShownKind::List),
        Value::Dict(_) => Shown::of(ShownKind::Dict),
        Value::Tuple(_) => Shown::of(ShownKind::Tuple),
        Value::Instance(_) => Shown::of(ShownKind::Object),
        _ => Shown::of(ShownKind::Other),
    }
}

fn address(v: &Value) -> usize {
    match v {
        Value::Instance(i) => Rc::as_ptr(i) as *const u8 as usize,
        Value::Class(c) => Rc::as_ptr(c) as *const u8 as usize,
        Value::Dict(d) => Rc::as_ptr(d) as *const u8 as usize,
        Value::List(l) => Rc::as_ptr(l) as *const u8 as usize,
        Value::Function(f) => Rc::as_ptr(f) as *const u8 as usize,
        _ => 0,
    }
}

impl Vm {
    /// Where `thread` is, executing `code` at `ip`, if detectors are on and `code` is the
    /// script's own.
    pub(crate) fn site(&self, code: &CodeObject, ip: usize, thread: ThreadId) -> Option<Site> {
        self.detectors.as_ref()?;
        (code.module == 0)
            .then(|| Site { thread, line: code.lines.get(ip.saturating_sub(1)).copied().unwrap_or(code.first_line) })
    }

    /// Where `th`'s innermost script frame is, if detectors are on and the script's own code
    /// is on `th`'s stack: the site of what a library call does for it.
    pub(crate) fn script_site(&self, th: &Thread) -> Option<Site> {
        self.detectors.as_ref()?;
        let (code, line) = self.script_frame_at(th, 0)?;
        (code.module == 0).then_some(Site { thread: th.tid, line })
    }

    /// Report that a read (`write` false) or write of `value` at `place` happened at `site`.
    pub(crate) fn note_access(&mut self, site: Site, place: Place<'_>, value: &Value, write: bool) {
        let Some(loc) = self.location(site.thread, place) else { return };
        self.note_location(site, loc, value, write);
    }

    /// [`Vm::note_access`] of attribute `name` of `obj`: a location found in
    /// [`RecentLocations`] (a loop's `self.total` every time but the first) goes to the tracker
    /// without the out-of-line lookup's call.
    #[inline(always)]
    pub(crate) fn note_attribute(&mut self, site: Site, obj: &Value, name: &Str, value: &Value, write: bool) {
        let thread = match obj {
            Value::Instance(i) if matches!(i.slot, Slot::Local(_)) => Some(site.thread),
            _ => None,
        };
        match self.locations.recent.get(address(obj), MemberRef::Attr(name), thread) {
            Some(loc) => self.note_location(site, loc, value, write),
            None => self.note_access(site, Place::Attr(obj, name), value, write),
        }
    }

    /// Hand the access of `value` at location `loc` to the tracker.
    #[inline(always)]
    fn note_location(&mut self, site: Site, loc: LocId, value: &Value, write: bool) {
        let Site { thread, line } = site;
        let value = shown(value);
        // Straight to the tracker, not through `observe(&Event)`: this runs for every access
        // of the script, and the inlined call keeps the value in registers.
        if let Some(detectors) = &mut self.detectors {
            if write {
                detectors.write(thread, loc, line, value);
            } else {
                detectors.read(thread, loc, line, value);
            }
        }
    }

    /// [`Vm::note_access`] of a module global (its location is its slot): the script's most
    /// frequent access, kept to the tracker call alone (small enough to be inlined into the
    /// dispatch: as a call, its prologue and epilogue cost as much as the tracker's fast path).
    #[inline]
    pub(crate) fn note_global(&mut self, site: Site, slot: u32, value: &Value, write: bool) {
        if let Some(detectors) = &mut self.detectors {
            let value = shown(value);
            if write {
                detectors.write(site.thread, slot, site.line, value);
            } else {
                detectors.read(site.thread, slot, site.line, value);
            }
        }
    }

    /// The script read shared data (a global, a closure cell, an attribute of an object or
    /// class, an item): one more window opened ([`Vm::windows_opened`]).
    #[inline]
    pub(crate) fn note_script_read(&mut self, code: &CodeObject) {
        if code.module == 0 {
            self.windows.reads += 1;
        }
    }

    /// Report a lock operation (`thread` now holds, or has freed, lock number `lock`).
    pub(crate) fn note_lock(&mut self, th: &Thread, lock: &crate::LockState, acquired: bool) {
        self.windows.locks += u64::from(acquired);
        crate::footprint::note_lock(if acquired {
            crate::footprint::LockOp::Acquire(lock.name)
        } else {
            crate::footprint::LockOp::Release(lock.name)
        });
        let lock = lock.number;
        self.record_lock(th, lock, acquired);
        if self.detectors.is_none() {
            return;
        }
        let event = if acquired {
            Event::Acquire { thread: th.tid, lock, line: self.current_line(th) }
        } else {
            Event::Release { thread: th.tid, lock }
        };
        if let Some(detectors) = &mut self.detectors {
            detectors.observe(&event);
        }
    }

    /// Report that `joiner` returned from joining the finished thread `joined` without
    /// blocking (the runtime reports the joins that blocked).
    pub(crate) fn note_join(&mut self, joiner: ThreadId, joined: ThreadId) {
        if let Some(detectors) = &mut self.detectors {
            detectors.observe(&Event::Join { joiner, joined });
        }
    }

    /// The id of `place`, numbered when first touched (a global's is its slot, noted by
    /// [`Vm::note_global`]).
    fn location(&mut self, tid: ThreadId, place: Place<'_>) -> Option<LocId> {
        // The owner is borrowed: it is recorded only when the location is new.
        match place {
            Place::Cell(cell) => {
                let key = LocKey::Cell(Rc::as_ptr(cell) as *const u8 as usize);
                Some(self.numbered_location(key, OwnerRef::Cell(cell)))
            }
            Place::Attr(obj, name) => {
                let local = matches!(obj, Value::Instance(i) if matches!(i.slot, Slot::Local(_)));
                let (object, thread) = (address(obj), local.then_some(tid));
                let key = || LocKey::Attr(object, name.clone(), thread);
                Some(self.recent_location(object, Some(MemberRef::Attr(name)), thread, key, OwnerRef::Object(obj)))
            }
            Place::Item(container, index) => {
                let object = address(container);
                let owner = OwnerRef::Object(container);
                // An int or str key is its own cache member: a hit builds no key.
                let member = match (container, index) {
                    (Value::List(items), Value::Int(i)) => {
                        MemberRef::IntItem(if *i < 0 { i + items.borrow().len() as i64 } else { *i })
                    }
                    (Value::Dict(_), Value::Int(i)) => MemberRef::IntItem(*i),
                    (Value::Dict(_), Value::Str(s)) => MemberRef::StrItem(s),
                    (Value::Dict(_), k) => {
                        let key = LocKey::Item(object, Key::new(k.clone()).ok()?);
                        return Some(self.numbered_location(key, owner));
                    }
                    _ => return None,
                };
                let key = || {
                    let index = match member {
                        MemberRef::IntItem(i) => Value::Int(i),
                        _ => index.clone(),
                    };
                    LocKey::Item(object, Key(index))
                };
                Some(self.recent_location(object, Some(member), None, key, owner))
            }
        }
    }

    /// A location found in [`RecentLocations`] by `object` and `member` (when it has one),
    /// else numbered by its full `key` and remembered there.
    fn recent_location(
        &mut self,
        object: usize,
        member: Option<MemberRef<'_>>,
        thread: Option<ThreadId>,
        key: impl FnOnce() -> LocKey,
        owner: OwnerRef<'_>,
    ) -> LocId {
        if let Some(id) = member.and_then(|m| self.locations.recent.get(object, m, thread)) {
            return id;
        }
        let id = self.numbered_location(key(), owner);
        if let Some(member) = member {
            self.locations.recent.put(object, member, thread, id);
        }
        id
    }

    /// The number of the location `key`, numbering it (and recording its owner) when new.
    fn numbered_location(&mut self, key: LocKey, owner: OwnerRef<'_>) -> LocId {
        if let Some(&id) = self.locations.ids.get(&key) {
            return id;
        }
        let id = self.program.global_names.len() as LocId + self.locations.numbered.len() as LocId;
        let owner = match owner {
            OwnerRef::Object(object) => Owner::of(object),
            OwnerRef::Cell(cell) => Owner::of(&Value::Cell(cell.clone())),
        };
        self.locations.numbered.push((key.clone(), owner));
        self.locations.ids.insert(key, id);
        id
    }

    /// Names a location after the script global holding its object, when there is one
    /// (`hits['home']`, `acct.balance`), else after the object's type (`Account.balance`).
    fn location_name(&self, key: &LocKey, owner: &Owner) -> String {
        let same_object = |v: &Value| address(v) == owner.address;
        let holder = || owner.alive().then(|| self.script_global_holding(same_object)).flatten();
        match key {
            LocKey::Cell(_) => "a closure variable".into(),
            LocKey::Attr(_, name, _) => match &owner.anchor {
                Anchor::Class(class) => format!("{}.{name}", class.name),
                Anchor::Instance(_) | Anchor::Function(_) => {
                    format!("{}.{name}", holder().unwrap_or_else(|| owner.type_name.to_string()))
                }
                _ => format!("?.{name}"),
            },
            LocKey::Item(_, Key(k)) => {
                let index = match k {
                    Value::Int(i) => i.to_string(),
                    Value::Str(s) => format!("'{s}'"),
                    other => crate::builtins::type_name_of(other),
                };
                let container = holder().unwrap_or_else(|| owner.type_name.to_string());
                format!("{container}[{index}]")
            }
        }
    }

    /// The name reports use for `loc` (`counter`, `Account.balance`, `dict['hits']`).
    pub fn location_name_of(&self, loc: LocId) -> String {
        let globals = self.program.global_names.len();
        match (loc as usize).checked_sub(globals) {
            None => self.program.global_names[loc as usize].clone(),
            Some(i) => {
                self.locations.numbered.get(i).map_or_else(|| "?".into(), |(key, owner)| self.location_name(key, owner))
            }
        }
    }
}

impl Vm {
    /// How reports name lock number `number`: the script global that holds it, directly or
    /// inside (`lock_a`, `forks[2]`, `cond._lock`, `accounts[1].lock`), if any.
    pub fn lock_name(&self, number: u64) -> Option<String> {
        let path = self.script_global_holding(
            |v| matches!(v, Value::Instance(i) if matches!(&i.slot, Slot::Lock(l) if l.number == number)),
        )?;
        // A `multiprocessing` lock is the wrapper the script holds, not its SemLock.
        Some(path.strip_suffix("._semlock").map_or(path.clone(), str::to_string))
    }

    /// The shortest path from a script global to a value that is `wanted`, through list and
    /// tuple items and instance attributes (`name`, `name[i]`, `name.attr`, `name[i].attr`);
    /// among paths of one length, the first global in definition order wins.
    fn script_global_holding(&self, wanted: impl Fn(&Value) -> bool) -> Option<String> {
        /// How deep to look: `q.not_empty._lock` is three steps from `q`.
        const MAX_DEPTH: usize = 3;
        let (start, end) = self.program.modules[0].globals;
        (0..=MAX_DEPTH).find_map(|depth| {
            (start as usize..end as usize).find_map(|slot| {
                let path = path_to(&self.interp.globals[slot], &wanted, depth)?;
                Some(format!("{}{path}", self.program.global_names[slot]))
            })
        })
    }
}

/// The path (`[2]`, `.attr`, `[1].lock`) of exactly `depth` steps from `value` to a value that
/// is `wanted`. Large containers are searched only in part: names are a courtesy of reports.
fn path_to(value: &Value, wanted: &impl Fn(&Value) -> bool, depth: usize) -> Option<String> {
    const MAX_ITEMS: usize = 256;
    if depth == 0 {
        return wanted(value).then(String::new);
    }
    let steps: Vec<(String, Value)> = match value {
        Value::List(items) => {
            items.borrow().iter().take(MAX_ITEMS).cloned().enumerate().map(|(i, v)| (format!("[{i}]"), v)).collect()
        }
        Value::Tuple(items) => {
            items.iter().take(MAX_ITEMS).cloned().enumerate().map(|(i, v)| (format!("[{i}]"), v)).collect()
        }
        Value::Instance(inst) => {
            // Only string keys are attributes (a script may put others in `__dict__`).
            let dict = inst.dict.borrow();
            let attrs = dict.iter().filter_map(|(k, v)| match &k.0 {
                Value::Str(name) => Some((format!(".{name}"), v.clone())),
                _ => None,
            });
            attrs.take(MAX_ITEMS).collect()
        }
        _ => return None,
    };
    steps.into_iter().find_map(|(step, item)| Some(format!("{step}{}", path_to(&item, wanted, depth - 1)?)))
}
