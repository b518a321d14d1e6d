//! Reporting shared-memory accesses and lock operations to the detectors
//! (`gilsim_detect::Event`). Only accesses made by the script's own code count: gilsim's
//! library modules are CPython's correct code, and the detectors see their effect through
//! the lock operations they make.
//!
//! A location is a module global (its id is its slot), or one closure cell, one attribute of
//! one object (per thread for a `threading.local`), one dict key or one list slot, numbered
//! by [`crate::locations`].

use crate::dict::Key;
use crate::footprint::PyCell;
use crate::locations::{address, Anchor, LocKey, MemberRef, Owner, OwnerRef};
use crate::value::{Slot, Str, Value};
use crate::{Thread, Vm};
use gilsim_bytecode::CodeObject;
use gilsim_detect::{Event, LocId, Shown, ShownKind, ThreadId};
use std::rc::Rc;

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
        match self.locations.recent(address(obj), MemberRef::Attr(name), thread) {
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
        self.record_lock(th, lock.number, acquired);
        if self.detectors.is_none() {
            return;
        }
        let line = if acquired { self.current_line(th) } else { 0 };
        if let Some(detectors) = &mut self.detectors {
            let clock = &mut lock.clock.borrow_mut();
            if acquired {
                detectors.acquire(th.tid, lock.number, line, clock);
            } else {
                detectors.release(th.tid, lock.number, clock);
            }
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
                Some(self.member_location((object, MemberRef::Attr(name), thread), key, OwnerRef::Object(obj)))
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
                Some(self.member_location((object, member, None), key, owner))
            }
        }
    }

    /// The id of location `key`, numbered when new ([`Locations::number`]).
    fn numbered_location(&mut self, key: LocKey, owner: OwnerRef<'_>) -> LocId {
        let tracker = self.detectors.as_deref_mut().map(|detectors| &mut detectors.accesses);
        self.locations.number(self.program.global_names.len() as LocId, key, owner, tracker)
    }

    /// The id of `object`'s `member` (for `thread` when a `threading.local`), numbered by
    /// its full `key` when new ([`Locations::number_member`]).
    fn member_location(
        &mut self,
        member: (usize, MemberRef<'_>, Option<ThreadId>),
        key: impl FnOnce() -> LocKey,
        owner: OwnerRef<'_>,
    ) -> LocId {
        let tracker = self.detectors.as_deref_mut().map(|detectors| &mut detectors.accesses);
        self.locations.number_member(self.program.global_names.len() as LocId, member, key, owner, tracker)
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
            Some(i) => self.locations.get(i).map_or_else(|| "?".into(), |(key, owner)| self.location_name(key, owner)),
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
