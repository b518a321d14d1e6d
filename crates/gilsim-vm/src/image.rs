//! A program's loaded image: what every run of one program starts from and no run changes —
//! the built-in classes, the constants and names of every code object, and the builtins.
//!
//! Building it costs more than a short run of a scenario, so an exploring worker builds one
//! image and starts all its runs from it. Sharing is sound because nothing in it can change:
//! constants are immutable values, and the built-in classes are `frozen` (CPython's built-in
//! types reject attribute assignment with TypeError, and so does gilsim). The one class a script
//! may change, `threading.Thread` (a Python class in CPython), is made per run by
//! [`crate::Vm::new`]. An image holds `Rc`s: it stays on the OS thread that built it.

use crate::types::{self, Types};
use crate::value::{AttrMap, Str, Value};
use gilsim_bytecode::Program;
use gilsim_core::PythonVersion;
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use std::sync::Arc;

pub struct Image {
    pub(crate) program: Arc<Program>,
    pub(crate) types: Rc<Types>,
    pub(crate) consts: Rc<Vec<Vec<Value>>>,
    pub(crate) names: Rc<Vec<Vec<Str>>>,
    /// Every builtin of every version, by name, with the first version that has it.
    builtins: Vec<(&'static str, Value, PythonVersion)>,
    /// The builtins of the version of the runs that asked last (a worker's runs share one):
    /// by name (for class-body lookups of names that are not globals), and for each global
    /// slot the builtin of that name (or Undefined).
    builtins_for: RefCell<Option<VersionBuiltins>>,
    /// What each run's own `threading.Thread` class starts with, for the version of the
    /// runs that asked last (a worker's runs share one version).
    thread_class_attrs: RefCell<Option<(PythonVersion, AttrMap)>>,
    /// What a run takes over from the one before it ([`Carried`]): a run takes it and its
    /// teardown gives it back.
    pub(crate) carried: Rc<RefCell<Carried>>,
}

/// The caches a worker's runs hand on to each other, none of which holds a value of a run
/// or can change what a run does.
#[derive(Default)]
pub(crate) struct Carried {
    /// The MRO lookup cache ([`crate::lookup_cache`]), so the built-in types' methods stay
    /// found from run to run. Entries are checked by identity and class epoch, so one run's
    /// classes never answer for another's.
    pub(crate) lookups: crate::lookup_cache::LookupCache,
    /// Empty frame vectors ([`crate::frame::SparePool`]), so a run's first calls allocate
    /// none (an explored run of a small script made a fifth of its allocations there).
    pub(crate) spare: crate::frame::SparePool,
}

impl Image {
    pub fn new(program: Arc<Program>) -> Image {
        let types = Types::new();
        let mut interned = Interner::default();
        let consts = program
            .codes
            .iter()
            .map(|code| code.consts.iter().map(|c| interned.value(types::const_value(c))).collect())
            .collect();
        let names = program.codes.iter().map(|code| code.names.iter().map(|n| interned.str(n)).collect()).collect();
        let builtins = crate::builtins::table(&types);
        Image {
            program,
            types: Rc::new(types),
            consts: Rc::new(consts),
            names: Rc::new(names),
            builtins,
            builtins_for: RefCell::default(),
            thread_class_attrs: RefCell::default(),
            carried: Rc::default(),
        }
    }

    pub fn program(&self) -> &Arc<Program> {
        &self.program
    }

    /// The builtins a run under `version` sees: by name, and by global slot.
    pub(crate) fn builtins(&self, version: PythonVersion) -> VersionBuiltins {
        let mut kept = self.builtins_for.borrow_mut();
        if let Some(kept) = kept.as_ref().filter(|k| k.version == version) {
            return kept.clone();
        }
        let available = self.builtins.iter().filter(|(_, _, since)| *since <= version);
        let by_name: Vec<_> = available.map(|(name, value, _)| (*name, value.clone())).collect();
        let by_slot = self
            .program
            .global_names
            .iter()
            .map(|name| by_name.iter().find(|(n, _)| *n == name).map_or(Value::Undefined, |(_, v)| v.clone()));
        let made = VersionBuiltins { version, by_slot: Rc::new(by_slot.collect()), by_name: Rc::new(by_name) };
        kept.insert(made).clone()
    }

    /// A run's own `threading.Thread` class for `version`, copied from a template kept
    /// between runs (filtering the version's attributes cost a tenth of a small run's set-up).
    pub(crate) fn thread_class(&self, version: PythonVersion) -> Rc<crate::value::Class> {
        let mut kept = self.thread_class_attrs.borrow_mut();
        let attrs = match &mut *kept {
            Some((v, attrs)) if *v == version => attrs,
            slot => &mut slot.insert((version, crate::modules::threading::thread_class_attrs(version))).1,
        };
        crate::modules::threading::thread_class(&self.types, attrs)
    }
}

/// The builtins of one version ([`Image::builtins`]).
#[derive(Clone)]
pub(crate) struct VersionBuiltins {
    version: PythonVersion,
    pub(crate) by_name: Rc<Vec<(&'static str, Value)>>,
    pub(crate) by_slot: Rc<Vec<Value>>,
}

/// One `Rc` per distinct name or string constant of the program. Attribute names reach
/// instance and class dicts from many code objects (`self.balance` in `__init__` and in
/// `deposit`); with one allocation per spelling, lookups through `dict::Name` succeed on the
/// pointer instead of comparing bytes.
#[derive(Default)]
struct Interner(HashSet<Str, crate::dict::FixedState>);

impl Interner {
    fn str(&mut self, s: &str) -> Str {
        if let Some(known) = self.0.get(s) {
            return known.clone();
        }
        let new = Str::from(s);
        self.0.insert(new.clone());
        new
    }

    fn value(&mut self, value: Value) -> Value {
        match value {
            Value::Str(s) => Value::Str(self.str(&s)),
            other => other,
        }
    }
}
