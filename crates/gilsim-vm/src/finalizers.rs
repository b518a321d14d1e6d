//! `__del__` (PEP 442 finalizers). CPython calls an object's `__del__` the moment its last
//! reference goes — inside the `del`, the store or the return that dropped it, on the thread
//! that dropped it — once per object, even if `__del__` revives it; an exception it raises is
//! printed as "Exception ignored in: ..." and goes no further. At exit, the objects still
//! alive are finalized by the garbage collector's last pass (the main module, its functions
//! and its objects are one unreachable cycle by then; PEP 442 finalizes a cycle's objects
//! before it clears any of them), in the order they were made.
//!
//! gilsim's objects are reference counted too: an instance whose class has a Python
//! `__del__` is revived in its `Drop` (a new allocation holding its dict and slot, keeping
//! its `id()`) and queued here; the interpreter finalizes the queue at the end of the
//! instruction that dropped it, on the same thread ([`Vm::run_finalizers`]). Revived
//! instances are remembered so that their next death is final. Instances of such classes are
//! registered (weakly) when made, for the pass at exit ([`Vm::finalize_at_exit`]).
//!
//! Invariant: the queue is empty between runs ([`reset`] on a VM's start and at teardown,
//! where no finalizer runs: teardown only breaks cycles).

use crate::dict::Dict;
use crate::footprint::PyCell;
use crate::native::Args;
use crate::value::{Hooks, Instance, Slot, Value};
use crate::{Control, Thread, Vm};
use gilsim_core::PythonVersion;
use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::rc::{Rc, Weak};

thread_local! {
    static PENDING: RefCell<Vec<Rc<Instance>>> = const { RefCell::new(Vec::new()) };
    static ANY_PENDING: Cell<bool> = const { Cell::new(false) };
    /// Addresses of revived instances: already finalized.
    static FINALIZED: RefCell<BTreeSet<usize>> = const { RefCell::new(BTreeSet::new()) };
    static ENABLED: Cell<bool> = const { Cell::new(false) };
    /// Every instance made of a class with `__del__`, in the order they were made.
    static REGISTERED: RefCell<Vec<Weak<Instance>>> = const { RefCell::new(Vec::new()) };
}

/// Start (or end: `enabled` false) a run's finalization, with an empty queue.
pub(crate) fn reset(enabled: bool) {
    ENABLED.set(false);
    PENDING.take();
    FINALIZED.take();
    REGISTERED.take();
    ANY_PENDING.set(false);
    ENABLED.set(enabled);
}

/// Whether an instance waits for its `__del__`.
#[inline]
pub(crate) fn any_pending() -> bool {
    ANY_PENDING.get()
}

/// `instance` is being freed: queue a revived copy if its class has `__del__` and it was not
/// finalized before.
pub(crate) fn on_drop(instance: &mut Instance) {
    if !ENABLED.get() || !instance.class.has_hook(Hooks::DEL) {
        return;
    }
    let address = std::ptr::from_ref(instance) as usize;
    if FINALIZED.with_borrow_mut(|finalized| finalized.remove(&address)) {
        return;
    }
    let revived = Rc::new(Instance {
        class: instance.class.clone(),
        dict: std::mem::replace(&mut instance.dict, Rc::new(PyCell::new(Dict::default()))),
        slot: std::mem::replace(&mut instance.slot, Slot::None),
        id: Cell::new(instance.id.get()),
        key_class: Cell::new(instance.key_class.get()),
    });
    FINALIZED.with_borrow_mut(|finalized| finalized.insert(Rc::as_ptr(&revived) as usize));
    PENDING.with_borrow_mut(|pending| pending.push(revived));
    ANY_PENDING.set(true);
}

/// A new instance: remember it for the pass at exit if its class has `__del__`.
pub(crate) fn on_new(instance: &Rc<Instance>) {
    if ENABLED.get() && instance.class.has_hook(Hooks::DEL) {
        REGISTERED.with_borrow_mut(|registered| registered.push(Rc::downgrade(instance)));
    }
}

fn next_pending() -> Option<Rc<Instance>> {
    PENDING.with_borrow_mut(|pending| {
        let next = if pending.is_empty() { None } else { Some(pending.remove(0)) };
        ANY_PENDING.set(!pending.is_empty());
        next
    })
}

impl Vm {
    /// Call the `__del__` of every queued instance, in the order they died, on `th`.
    pub(crate) fn run_finalizers(&mut self, th: &mut Thread) {
        while let Some(instance) = next_pending() {
            let Some(del) = instance.class.lookup("__del__") else { continue };
            let object = Value::Instance(instance);
            if let Err(Control::Raise(exc)) = self.call_nested(th, del.clone(), Args::new(vec![object.clone()])) {
                self.report_finalizer_error(&del, &object, &exc);
            }
        }
    }

    /// CPython's `PyErr_WriteUnraisable` report for an exception `__del__` raised.
    fn report_finalizer_error(&mut self, del: &Value, object: &Value, exc: &Value) {
        let mut scratch = Thread::scratch();
        let shown = if self.options.python < PythonVersion::new(3, 7) {
            let object = self.repr_of(&mut scratch, object).unwrap_or_default();
            let name = match del {
                Value::Function(f) => f.qualname.to_string(),
                _ => "__del__".to_string(),
            };
            format!("<bound method {name} of {object}>")
        } else {
            self.repr_of(&mut scratch, del).unwrap_or_default()
        };
        let mut text = format!("Exception ignored in: {shown}\n");
        text.push_str(&self.format_uncaught(exc));
        self.write_stderr(&text);
    }

    /// Interpreter exit: call `__del__` of every instance still alive and not finalized, in
    /// the order they were made; nothing is finalized after this.
    pub fn finalize_at_exit(&mut self, main: &mut Thread) {
        self.run_finalizers(main);
        loop {
            let registered = REGISTERED.take();
            if registered.is_empty() {
                break;
            }
            for instance in registered.iter().filter_map(Weak::upgrade) {
                let address = Rc::as_ptr(&instance) as usize;
                if FINALIZED.with_borrow_mut(|finalized| !finalized.insert(address)) {
                    continue;
                }
                PENDING.with_borrow_mut(|pending| pending.push(instance));
                self.run_finalizers(main);
            }
        }
        ENABLED.set(false);
    }
}
