//! Freeing a run's heap. Values are reference-counted, and Python programs make cycles all the
//! time (a `Thread` object and its thread data, a class and its methods, an object in its own
//! list), so dropping the VM alone would leak every cycle — thousands of bytes per run, which an
//! exploration of millions of runs cannot afford.
//!
//! Invariant: every cycle passes through a mutable container (a list, dict, set, instance or
//! class dict, cell, iterator, thread data), since an immutable value can only hold values that
//! existed before it. Teardown empties every mutable container reachable from the run's roots,
//! which breaks every cycle; then ordinary drops free the rest. Frozen classes and descriptors
//! are shared with the [`crate::Image`], and the modules, classes and functions of a resumed run's
//! prefix with the prefix's other runs ([`crate::run_shared`]): those are never emptied (the
//! run's writes to the latter are undone first).

use crate::image::Carried;
use crate::run_shared::Sharing;
use crate::value::{IterState, Slot, Value};
use crate::{Thread, Vm};
use std::collections::HashSet;
use std::rc::Rc;

impl Vm {
    /// Break every reference cycle of this run (call once, at its end; the VM must not run
    /// again). `threads` are the run's threads, whose frames are roots too.
    pub fn teardown<'t>(&mut self, threads: impl IntoIterator<Item = &'t mut Thread>) {
        crate::finalizers::reset(false);
        // Room for a small run's heap: growing the list step by step cost a tenth of teardown.
        let mut work: Vec<Value> = Vec::with_capacity(256);
        crate::run_shared::undo_writes(&mut work);
        let mut interps = self.take_parked();
        let emptied = crate::process::Interp::empty(&self.interp);
        interps.push(std::mem::replace(&mut self.interp, emptied));
        for interp in interps {
            work.extend(interp.globals);
            work.extend(interp.modules.into_iter().map(|(_, m)| m));
            for (handler, args) in interp.exit_handlers.into_iter().chain(interp.threading_exit_hooks) {
                work.push(handler);
                work.extend(args.pos);
                work.extend(args.kw.into_iter().map(|(_, v)| v));
            }
            work.extend(interp.running_exit_handler);
            work.extend(interp.thread_trace_hook);
        }
        self.locations.clear();
        *self.carried_home.borrow_mut() =
            Carried { lookups: std::mem::take(&mut self.lookups), spare: std::mem::take(&mut self.spare) };
        for thread in threads {
            work.extend(thread.data.borrow_mut().take_values());
            work.append(&mut thread.stack);
            for frame in std::mem::take(&mut thread.frames) {
                take_frame_values(frame, &mut work);
            }
            work.extend(std::mem::take(&mut thread.handled));
            if let Some(tracing) = thread.tracing.take() {
                work.extend(tracing.into_values());
            }
            if let Some(resume) = thread.resume.take() {
                work.push(resume.unwrap_or_else(|e| e));
            }
            match thread.pending_call.take() {
                Some(crate::frame::PendingCall::Run(v)) => work.push(v),
                Some(crate::frame::PendingCall::Call(v, args)) => {
                    work.push(v);
                    work.extend(args.pos);
                }
                None => {}
            }
        }
        empty_reachable(work);
    }
}

/// What a frame (a thread's, or a suspended generator's) holds, its cells emptied.
fn take_frame_values(frame: crate::Frame, work: &mut Vec<Value>) {
    work.extend(frame.parked);
    work.extend(frame.cells.iter().map(|c| c.replace(Value::None)));
    work.extend(frame.function.map(Value::Function));
    work.extend(frame.namespace.map(Value::Dict));
}

/// Empty every mutable container reachable from `work`.
fn empty_reachable(mut work: Vec<Value>) {
    // Immutable containers already walked (shared parts of a graph are walked once). One
    // that `work`'s value alone refers to cannot be reached again and is not recorded: most
    // are, once their container was emptied, and the set then stays unallocated.
    let mut seen: HashSet<usize, crate::dict::FixedState> = HashSet::default();
    let mut first_visit = |rc_count: usize, address: usize| rc_count == 1 || seen.insert(address);
    while let Some(value) = work.pop() {
        match &value {
            Value::List(list) => work.append(&mut list.take()),
            Value::Dict(dict) => work.extend(dict.take().into_iter().flat_map(|(k, v)| [k.0, v])),
            Value::Set(set) => work.extend(set.take().into_iter().map(|k| k.0)),
            Value::Cell(cell) => work.push(cell.replace(Value::None)),
            Value::Iterator(state) => work.extend(state.replace(IterState::Exhausted).values()),
            Value::View(view) => work.push(Value::Dict(view.dict.clone())),
            Value::Module(module) if module.sharing.get() == Sharing::Private => {
                work.extend(module.dict.take().into_values())
            }
            Value::Class(class) if !class.frozen && class.sharing.get() == Sharing::Private => {
                work.extend(class.dict.take().into_values());
                work.extend(class.bases.iter().cloned().map(Value::Class));
            }
            Value::Instance(instance) => {
                work.extend(instance.dict.take().into_values());
                if !instance.class.frozen {
                    work.push(Value::Class(instance.class.clone()));
                }
                match &instance.slot {
                    Slot::Thread(data) => work.extend(data.borrow_mut().take_values()),
                    Slot::Local(local) => work.extend(local.take_values()),
                    Slot::Channel(channel) => work.extend(channel.buffer.borrow_mut_unnoted().take_values()),
                    Slot::Generator(state) => {
                        if let Some(frame) = state.frame.borrow_mut().take() {
                            take_frame_values(frame, &mut work);
                        }
                    }
                    Slot::Builtin(base) => work.push(base.clone()),
                    Slot::Deque(store) => work.extend(store.borrow_mut_unnoted().take_values()),
                    Slot::Exception(data) => {
                        let mut data = data.borrow_mut();
                        work.extend(data.cause.take().into_iter().chain(data.context.take()));
                        work.extend(std::mem::take(&mut data.kept_locals).into_iter().flatten());
                        if let Some(missing) = data.missing.take() {
                            work.extend(missing.obj.into_iter().chain(missing.frame.and_then(|f| f.self_obj)));
                        }
                    }
                    Slot::None | Slot::Lock(_) | Slot::Twister(_) | Slot::Regex(_) | Slot::Weak(_) => {}
                }
            }
            Value::Tuple(items) if first_visit(Rc::strong_count(items), Rc::as_ptr(items) as usize) => {
                work.extend(items.iter().cloned())
            }
            Value::Slice(items) if first_visit(Rc::strong_count(items), Rc::as_ptr(items) as *const () as usize) => {
                work.extend(items.iter().cloned())
            }
            Value::BoundMethod(pair) if first_visit(Rc::strong_count(pair), Rc::as_ptr(pair) as usize) => {
                work.extend([pair.0.clone(), pair.1.clone()])
            }
            Value::Function(f)
                if f.sharing.get() == Sharing::Private && first_visit(Rc::strong_count(f), Rc::as_ptr(f) as usize) =>
            {
                work.extend(f.defaults.iter().cloned());
                work.extend(f.kw_defaults.iter().map(|(_, v)| v.clone()));
                work.extend(f.closure.iter().map(|cell| cell.replace(Value::None)));
                work.extend(f.owner.take().map(Value::Class));
                work.extend(std::mem::take(&mut *f.attrs.borrow_mut()).into_values());
            }
            Value::Descriptor(d) if first_visit(Rc::strong_count(d), Rc::as_ptr(d) as usize) => {
                work.push(d.func.clone());
                work.extend(d.setter.iter().chain(&d.deleter).cloned());
            }
            _ => {}
        }
    }
}
