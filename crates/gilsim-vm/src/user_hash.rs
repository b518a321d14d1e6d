//! Dict and set keys of classes that define `__hash__` in Python (`namedtuple`s, dataclasses,
//! value objects). Dicts and sets compare keys in Rust, where no Python can run, so the
//! Python is run first, when a key is made: the instance's `__hash__`, then its `__eq__`
//! against the live instances already seen with that hash. Instances found equal share a
//! *key class* number, by which keys then hash and compare ([`crate::dict::Key`]). A member of
//! an enum with an int, str or float value is keyed as that value (`crate::dict::VALUE_KEY`).
//!
//! As in CPython, `__hash__` runs on every lookup and a class that defines `__eq__` without
//! `__hash__` is unhashable (Python 3). Unlike CPython, `__eq__` is asked against every live
//! instance with the same hash, not only against the members of the container at hand.
//! Invariant: instances in one key class were found equal; a key class is never reused.

use crate::dict::Key;
use crate::native::{Args, Control};
use crate::value::{Instance, Value};
use crate::{Exc, Thread, Vm};
use std::collections::BTreeMap;
use std::rc::{Rc, Weak};

/// The instances keyed so far, by their Python hash.
#[derive(Default)]
pub(crate) struct KeyClasses {
    by_hash: BTreeMap<i64, Vec<(u64, Weak<Instance>)>>,
    issued: u64,
    /// Entries kept; the table is swept of dead instances when it doubles.
    entries: usize,
    sweep_at: usize,
}

impl KeyClasses {
    /// The table of a copy of the run ([`crate::snapshot`]): the copies of the live instances
    /// (a dead one's entry stays, dead, until a sweep, as in the original).
    pub(crate) fn copy(&self, cloner: &mut crate::snapshot::Cloner) -> Result<KeyClasses, crate::snapshot::Unclonable> {
        let mut by_hash = BTreeMap::new();
        for (hash, bucket) in &self.by_hash {
            let mut copy = Vec::with_capacity(bucket.len());
            for (class, instance) in bucket {
                let instance = match instance.upgrade() {
                    Some(live) => match cloner.value(&Value::Instance(live))? {
                        Value::Instance(copy) => Rc::downgrade(&copy),
                        _ => unreachable!("an instance copies to an instance"),
                    },
                    None => Weak::new(),
                };
                copy.push((*class, instance));
            }
            by_hash.insert(*hash, copy);
        }
        Ok(KeyClasses { by_hash, issued: self.issued, entries: self.entries, sweep_at: self.sweep_at })
    }

    fn sweep(&mut self) {
        self.by_hash.retain(|_, bucket| {
            bucket.retain(|(_, w)| w.strong_count() > 0);
            !bucket.is_empty()
        });
        self.entries = self.by_hash.values().map(Vec::len).sum();
        self.sweep_at = (self.entries * 2).max(1024);
    }
}

impl Vm {
    /// `v` as a dict or set key: TypeError if it is unhashable; instances of classes with a
    /// Python `__hash__` (directly or in a tuple) get their key class first.
    pub(crate) fn key(&mut self, th: &mut Thread, v: Value) -> Result<Key, Control> {
        let key = Key::new(v).map_err(|t| self.raise_msg(Exc::TypeError, format!("unhashable type: '{t}'")))?;
        if !matches!(key.0, Value::Instance(_) | Value::Tuple(_)) {
            return Ok(key);
        }
        {
            let mut work: crate::dict::Walk<&Value> = smallvec::smallvec![&key.0];
            while let Some(value) = work.pop() {
                match value {
                    Value::Tuple(items) => work.extend(items.iter().rev()),
                    Value::Instance(inst) if inst.class.lookup("_gilsim_value_key_").is_some() => {
                        inst.key_class.set(crate::dict::VALUE_KEY)
                    }
                    Value::Instance(inst) => self.assign_key_class(th, inst)?,
                    _ => {}
                }
            }
        }
        Ok(key)
    }

    /// The Python `__hash__` of an instance, if its class has one: `None` for identity
    /// hashing, an error for an unhashable class (`__hash__ = None`).
    pub(crate) fn user_hash(&mut self, th: &mut Thread, inst: &Rc<Instance>) -> Result<Option<i64>, Control> {
        if inst.class.frozen {
            return Ok(None);
        }
        let method = match inst.class.lookup("__hash__") {
            Some(Value::None) => {
                let name = inst.class.type_name();
                return Err(self.raise_msg(Exc::TypeError, format!("unhashable type: '{name}'")));
            }
            Some(method @ Value::Function(_)) => method,
            _ => return Ok(None),
        };
        let result = self.call_nested(th, method, Args::new(vec![Value::Instance(inst.clone())]))?;
        // CPython's slot_tp_hash: an int that fits is the hash (-1 becomes -2); a bigger one
        // is hashed.
        match result {
            Value::Int(-1) => Ok(Some(-2)),
            Value::Int(i) => Ok(Some(i)),
            Value::Bool(b) => Ok(Some(i64::from(b))),
            Value::Long(_) => Ok(Some(self.hash_of(th, &result)?)),
            _ => Err(self.raise_msg(Exc::TypeError, "__hash__ method should return an integer")),
        }
    }

    fn assign_key_class(&mut self, th: &mut Thread, inst: &Rc<Instance>) -> Result<(), Control> {
        let Some(hash) = self.user_hash(th, inst)? else { return Ok(()) };
        let table = &mut self.key_classes;
        if table.entries >= table.sweep_at {
            table.sweep();
        }
        let bucket = table.by_hash.entry(hash).or_default();
        bucket.retain(|(_, w)| w.strong_count() > 0);
        let candidates: Vec<(u64, Rc<Instance>)> =
            bucket.iter().filter_map(|(class, w)| w.upgrade().map(|i| (*class, i))).collect();
        if candidates.iter().any(|(class, i)| Rc::ptr_eq(i, inst) && *class == inst.key_class.get()) {
            return Ok(());
        }
        let me = Value::Instance(inst.clone());
        for (class, candidate) in candidates {
            if Rc::ptr_eq(&candidate, inst) {
                continue;
            }
            // CPython compares the key already in the table with the new one.
            if self.equal(th, &Value::Instance(candidate), &me)? {
                inst.key_class.set(class);
                return Ok(());
            }
        }
        let table = &mut self.key_classes;
        table.issued += 1;
        inst.key_class.set(table.issued);
        table.by_hash.entry(hash).or_default().push((table.issued, Rc::downgrade(inst)));
        table.entries += 1;
        Ok(())
    }
}
