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
//! A generator parked inside a `try` or `with` is closed the same way when its last
//! reference goes, or at exit (CPython's `_PyGen_Finalize`): its `close()` runs in place of
//! `__del__`. Generators whose bodies have such blocks are registered for the pass at exit.
//!
//! Objects that die together (a frame's locals, a list's items) are finalized one after the
//! other, in the order they died; an object that dies during a `__del__` is finalized inside
//! it, before the `__del__` goes on (CPython finalizes it inside the decref that freed it).
//! So a finalizer run nested in a `__del__` takes only what died since that `__del__` began
//! ([`FLOOR`]).
//!
//! A weak reference with a callback (`weakref.ref(obj, callback)`, and so `weakref.finalize`)
//! is watched by its referent's address: when the referent dies for good (after its
//! `__del__`, which may revive it), the callbacks of its references still alive are queued
//! too, the newest first, as CPython's `PyObject_ClearWeakRefs` calls them. None is called at
//! exit (CPython clears the main module's objects without calling them).
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
use std::collections::{BTreeMap, BTreeSet};
use std::rc::{Rc, Weak};

thread_local! {
    static PENDING: RefCell<Vec<Pending>> = const { RefCell::new(Vec::new()) };
    static ANY_PENDING: Cell<bool> = const { Cell::new(false) };
    /// Where in `PENDING` the running `__del__`'s own dead start: the entries before it died
    /// with the object being finalized and wait for its `__del__` to end.
    static FLOOR: Cell<usize> = const { Cell::new(0) };
    /// Addresses of revived instances: already finalized.
    static FINALIZED: RefCell<BTreeSet<usize>> = const { RefCell::new(BTreeSet::new()) };
    static ENABLED: Cell<bool> = const { Cell::new(false) };
    /// Every instance made of a class with `__del__`, in the order they were made.
    static REGISTERED: RefCell<Vec<Weak<Instance>>> = const { RefCell::new(Vec::new()) };
    /// Something was registered this run: the order objects die in can show.
    static ANY_REGISTERED: Cell<bool> = const { Cell::new(false) };
    /// The length of `REGISTERED` at which its dead entries are next dropped.
    static PRUNE_AT: Cell<usize> = const { Cell::new(MIN_PRUNE_AT) };
    /// The pass at exit is running: no frame is left to attribute a warning to.
    static AT_EXIT: Cell<bool> = const { Cell::new(false) };
    /// Weak references with a callback, oldest first, by their referent's address.
    static WATCHED: RefCell<BTreeMap<usize, Vec<Weak<Instance>>>> = const { RefCell::new(BTreeMap::new()) };
    static ANY_WATCHED: Cell<bool> = const { Cell::new(false) };
}

/// What waits to run at the end of the instruction that dropped an object.
enum Pending {
    /// A revived instance's `__del__` (a generator's `close()`, a coroutine's warning).
    Finalize(Rc<Instance>),
    /// A weak reference whose referent died: its callback, called with it.
    WeakCallback(Rc<Instance>),
}

/// Start (or end: `enabled` false) a run's finalization, with an empty queue.
pub(crate) fn reset(enabled: bool) {
    ENABLED.set(false);
    PENDING.take();
    FLOOR.set(0);
    FINALIZED.take();
    REGISTERED.take();
    ANY_REGISTERED.set(false);
    PRUNE_AT.set(MIN_PRUNE_AT);
    AT_EXIT.set(false);
    ANY_PENDING.set(false);
    WATCHED.take();
    ANY_WATCHED.set(false);
    ENABLED.set(enabled);
}

/// Whether nothing of the run's finalization is recorded yet: no object with `__del__` or
/// generator to close was made, none waits. (This state is the OS thread's, so a copy of the
/// run could not take it along: see [`crate::snapshot`].)
pub(crate) fn idle() -> bool {
    !ANY_REGISTERED.get() && !ANY_PENDING.get() && !ANY_WATCHED.get() && FINALIZED.with_borrow(BTreeSet::is_empty)
}

/// Whether an instance waits for its `__del__`.
#[inline]
pub(crate) fn any_pending() -> bool {
    ANY_PENDING.get()
}

/// `instance` is being freed: queue a revived copy if its class has `__del__` and it was not
/// finalized before.
pub(crate) fn on_drop(instance: &mut Instance) {
    if !ENABLED.get() {
        return;
    }
    let address = std::ptr::from_ref(instance) as usize;
    let watchers = if ANY_WATCHED.get() { WATCHED.with_borrow_mut(|watched| watched.remove(&address)) } else { None };
    // A generator keeps its own "finalized" flag (an address could be reused by another).
    let closes = needs_close(instance);
    if !closes && (!instance.class.has_hook(Hooks::DEL) || FINALIZED.with_borrow_mut(|f| f.remove(&address))) {
        if let Some(watchers) = watchers {
            queue_callbacks(watchers);
        }
        return;
    }
    let revived = Rc::new(Instance {
        class: instance.class.clone(),
        dict: std::mem::replace(&mut instance.dict, Rc::new(PyCell::new(Dict::default()))),
        slot: std::mem::replace(&mut instance.slot, Slot::None),
        id: Cell::new(instance.id.get()),
        key_class: Cell::new(instance.key_class.get()),
    });
    if closes {
        mark_closing(&revived);
    } else {
        FINALIZED.with_borrow_mut(|finalized| finalized.insert(Rc::as_ptr(&revived) as usize));
    }
    if let Some(watchers) = watchers {
        // Not dead yet: its callbacks wait for the revived object's death.
        WATCHED.with_borrow_mut(|watched| watched.insert(Rc::as_ptr(&revived) as usize, watchers));
    }
    queue(Pending::Finalize(revived));
}

fn queue(pending: Pending) {
    PENDING.with_borrow_mut(|queue| queue.push(pending));
    ANY_PENDING.set(true);
    crate::slice_end::attend_now();
}

/// Queue the callbacks of a dead referent's weak references still alive, newest first.
fn queue_callbacks(watchers: Vec<Weak<Instance>>) {
    for reference in watchers.iter().rev().filter_map(Weak::upgrade) {
        queue(Pending::WeakCallback(reference));
    }
}

/// Watch `referent` for `reference`, a weak reference with a callback.
pub(crate) fn watch(referent: &Rc<Instance>, reference: &Rc<Instance>) {
    if !ENABLED.get() {
        return;
    }
    ANY_WATCHED.set(true);
    WATCHED.with_borrow_mut(|watched| {
        watched.entry(Rc::as_ptr(referent) as usize).or_default().push(Rc::downgrade(reference));
    });
}

/// A generator dropped while suspended inside a `try` or `with`: CPython's finalizer
/// (`_PyGen_Finalize`) closes it, running its `finally` blocks and `__exit__`s. A coroutine
/// dropped before it ever ran: the finalizer warns that it was never awaited.
fn needs_close(instance: &Instance) -> bool {
    matches!(&instance.slot, Slot::Generator(state)
        if !state.finalized.get() && (state.suspended_in_block() || state.never_awaited()))
}

/// A generator is closed by its finalizer once at most, whatever its `close()` does.
fn mark_closing(instance: &Instance) {
    if let Slot::Generator(state) = &instance.slot {
        state.finalized.set(true);
    }
}

/// A new instance: remember it for the pass at exit if its class has `__del__`.
pub(crate) fn on_new(instance: &Rc<Instance>) {
    if ENABLED.get() && instance.class.has_hook(Hooks::DEL) {
        register(instance);
    }
}

/// A new generator whose body has a `try` or `with`, or a new coroutine: remember it for
/// the pass at exit, which closes it if it is parked in one then (or warns that the
/// coroutine was never awaited).
pub(crate) fn on_new_generator(instance: &Rc<Instance>) {
    if ENABLED.get() {
        register(instance);
    }
}

/// Whether the order in which objects are freed can be seen: an object that a finalizer
/// runs for was made this run.
#[inline]
pub(crate) fn order_observable() -> bool {
    ANY_REGISTERED.get()
}

fn register(instance: &Rc<Instance>) {
    ANY_REGISTERED.set(true);
    REGISTERED.with_borrow_mut(|registered| {
        // Forget the dead now and then, so that a loop making such objects stays flat in
        // memory (a dead one's weak reference keeps its allocation).
        if registered.len() >= PRUNE_AT.get() {
            registered.retain(|weak| weak.strong_count() > 0);
            PRUNE_AT.set((registered.len() * 2).max(MIN_PRUNE_AT));
        }
        registered.push(Rc::downgrade(instance));
    });
}

const MIN_PRUNE_AT: usize = 1024;

/// The first queued entry at or past `floor`, and the queue's length after taking it.
fn next_pending(floor: usize) -> Option<(Pending, usize)> {
    PENDING.with_borrow_mut(|pending| {
        let next = (pending.len() > floor).then(|| pending.remove(floor));
        ANY_PENDING.set(!pending.is_empty());
        next.map(|instance| (instance, pending.len()))
    })
}

impl Vm {
    /// Call the `__del__` of every queued instance, in the order they died, on `th` (inside a
    /// `__del__`: of those that died since it began).
    pub(crate) fn run_finalizers(&mut self, th: &mut Thread) {
        let floor = FLOOR.get();
        while let Some((pending, queued)) = next_pending(floor) {
            let instance = match pending {
                Pending::Finalize(instance) => instance,
                Pending::WeakCallback(reference) => {
                    FLOOR.set(queued);
                    self.call_weak_callback(th, reference);
                    FLOOR.set(floor);
                    continue;
                }
            };
            if let Slot::Generator(state) = &instance.slot {
                if state.never_awaited() {
                    self.warn_never_awaited(th, state, AT_EXIT.get());
                    continue;
                }
            }
            let generator = matches!(instance.slot, Slot::Generator(_));
            let Some(del) = instance.class.lookup(if generator { "close" } else { "__del__" }) else { continue };
            let object = Value::Instance(instance);
            FLOOR.set(queued);
            let finalized = self.call_nested(th, del.clone(), Args::new(vec![object.clone()]));
            FLOOR.set(floor);
            if let Err(Control::Raise(exc)) = finalized {
                // CPython names the generator itself, and `__del__` by its bound method.
                let shown = if generator { &object } else { &del };
                self.report_finalizer_error(shown, &object, &exc);
            }
        }
    }

    /// `callback(reference)` of a weak reference whose referent died; an exception it raises
    /// is reported as one from `__del__` is, naming the callback.
    fn call_weak_callback(&mut self, th: &mut Thread, reference: Rc<Instance>) {
        let Some(callback) = reference.attr("_callback").filter(|c| !c.is_none()) else { return };
        if let Err(Control::Raise(exc)) =
            self.call_nested(th, callback.clone(), Args::new(vec![Value::Instance(reference)]))
        {
            self.report_finalizer_error(&callback, &callback, &exc);
        }
    }

    /// Run the finalizers of what just died on `th`, outside the interpreter loop (a thread
    /// whose uncaught exception was reported: the exception kept its frames' locals).
    pub fn finalize_pending(&mut self, th: &mut Thread) {
        if any_pending() {
            self.run_finalizers(th);
        }
    }

    /// CPython's `PyErr_WriteUnraisable` report for an exception `__del__` raised.
    fn report_finalizer_error(&mut self, del: &Value, object: &Value, exc: &Value) {
        let mut scratch = Thread::scratch();
        let shown = if self.options.python < PythonVersion::new(3, 7) && !del.is(object) {
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
        text.push_str(&self.format_unraisable(exc));
        self.write_stderr(&text);
    }

    /// Interpreter exit: call `__del__` of every instance still alive and not finalized, in
    /// the order they were made; nothing is finalized after this.
    pub fn finalize_at_exit(&mut self, main: &mut Thread) {
        self.run_finalizers(main);
        AT_EXIT.set(true);
        loop {
            let registered = REGISTERED.take();
            if registered.is_empty() {
                break;
            }
            for instance in registered.iter().filter_map(Weak::upgrade) {
                if matches!(instance.slot, Slot::Generator(_)) {
                    if !needs_close(&instance) {
                        continue;
                    }
                    mark_closing(&instance);
                } else if FINALIZED.with_borrow_mut(|finalized| !finalized.insert(Rc::as_ptr(&instance) as usize)) {
                    continue;
                }
                PENDING.with_borrow_mut(|pending| pending.push(Pending::Finalize(instance)));
                self.run_finalizers(main);
            }
        }
        ENABLED.set(false);
    }
}
