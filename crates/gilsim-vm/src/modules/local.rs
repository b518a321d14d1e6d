//! `threading.local` (`_thread._local`): attributes are per thread (python-semantics.md §4.9).
//! The instance's dict always holds the attributes of the thread that touched it last; when
//! another thread touches it, the dicts are swapped — the scheme of CPython's pure-Python
//! `_threading_local`. A thread's first touch re-runs a subclass's `__init__` with the
//! arguments the object was created with.

use crate::dict::Dict;
use crate::native::{Args, Control};
use crate::value::{Instance, Slot, Str, Value};
use crate::{Thread, Vm};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub struct LocalData {
    /// The thread whose attributes are in the instance's dict now.
    current: Cell<usize>,
    /// Every other thread's attributes.
    stash: RefCell<Vec<(usize, Dict)>>,
    init_pos: Vec<Value>,
    init_kw: Vec<(Str, Value)>,
}

impl LocalData {
    /// Every value it holds (for measuring the heap).
    pub(crate) fn values(&self) -> Vec<Value> {
        let stash = self.stash.borrow();
        let mut values: Vec<Value> = stash.iter().flat_map(|(_, attrs)| attrs.values().cloned()).collect();
        values.extend(self.init_pos.iter().cloned());
        values.extend(self.init_kw.iter().map(|(_, v)| v.clone()));
        values
    }

    /// Every value it holds, taken out (for [`crate::Vm::teardown`]).
    pub(crate) fn take_values(&self) -> Vec<Value> {
        let mut values: Vec<Value> = self.stash.take().into_iter().flat_map(|(_, attrs)| attrs.into_values()).collect();
        values.extend(self.init_pos.iter().cloned());
        values.extend(self.init_kw.iter().map(|(_, v)| v.clone()));
        values
    }

    /// The same data in a copy of the run ([`crate::snapshot`]), its values copied by `f`.
    pub(crate) fn try_copy<E>(&self, mut f: impl FnMut(&Value) -> Result<Value, E>) -> Result<LocalData, E> {
        let mut stash = Vec::new();
        for (thread, attrs) in self.stash.borrow().iter() {
            let mut copy = Dict::default();
            for (key, value) in attrs {
                copy.insert(crate::dict::Key(f(&key.0)?), f(value)?);
            }
            stash.push((*thread, copy));
        }
        Ok(LocalData {
            current: Cell::new(self.current.get()),
            stash: RefCell::new(stash),
            init_pos: self.init_pos.iter().map(&mut f).collect::<Result<_, _>>()?,
            init_kw: self.init_kw.iter().map(|(k, v)| Ok((k.clone(), f(v)?))).collect::<Result<_, _>>()?,
        })
    }

    /// The copy a forked child gets: the attributes in the dict now become its main thread's.
    pub(crate) fn forked(&self, child_main: usize) -> LocalData {
        LocalData {
            current: Cell::new(child_main),
            stash: RefCell::new(Vec::new()),
            init_pos: self.init_pos.clone(),
            init_kw: self.init_kw.clone(),
        }
    }

    pub fn new(creator: usize, args: &Args) -> LocalData {
        LocalData {
            current: Cell::new(creator),
            stash: RefCell::new(Vec::new()),
            init_pos: args.pos.clone(),
            init_kw: args.kw.clone(),
        }
    }
}

impl Vm {
    /// Before an attribute access by `th` on `obj`: if `obj` is a `threading.local`, make its
    /// dict hold `th`'s attributes.
    /// Inlined: on every instance attribute access, and almost never a `threading.local`.
    #[inline]
    pub(crate) fn localize(&mut self, th: &mut Thread, obj: &Value) -> Result<(), Control> {
        match obj {
            Value::Instance(inst) if matches!(&inst.slot, Slot::Local(data) if data.current.get() != th.tid) => {
                self.switch_local(th, obj, inst)
            }
            _ => Ok(()),
        }
    }

    /// [`Vm::localize`] when `inst` is a `threading.local` holding another thread's dict.
    fn switch_local(&mut self, th: &mut Thread, obj: &Value, inst: &Rc<Instance>) -> Result<(), Control> {
        let Slot::Local(data) = &inst.slot else { return Ok(()) };
        let mine = {
            let mut stash = data.stash.borrow_mut();
            stash.iter().position(|(tid, _)| *tid == th.tid).map(|i| stash.remove(i).1)
        };
        let first_touch = mine.is_none();
        let previous = std::mem::replace(&mut *inst.dict.borrow_mut(), mine.unwrap_or_default());
        data.stash.borrow_mut().push((data.current.get(), previous));
        data.current.set(th.tid);
        if first_touch {
            if let Some(init @ Value::Function(_)) = inst.class.lookup("__init__") {
                let mut pos = vec![obj.clone()];
                pos.extend(data.init_pos.iter().cloned());
                self.call_nested(th, init, Args { pos, kw: data.init_kw.clone() })?;
            }
        }
        Ok(())
    }
}
