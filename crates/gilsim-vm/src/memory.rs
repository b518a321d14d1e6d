//! The run's memory and `--max-memory`: a script that allocates past the limit gets
//! `MemoryError`, as CPython's does when the machine runs out, instead of exhausting the
//! machine gilsim runs on.
//!
//! Memory is a model, not the allocator's count, so that a run stays a pure function of
//! (script, options, seed): every object has an estimated size ([`size_of`]). The VM *charges*
//! the sizes of what it allocates at its allocation sites; a single allocation larger than the
//! limit raises at once (`'x' * 10**12`). When the bytes charged since the last measurement
//! exceed what was then live (at least [`MIN_WINDOW`]), or may have crossed the limit, the
//! slice ends before the next instruction and the runtime *measures* the
//! live heap by walking everything reachable from the run's roots — globals, modules, every
//! thread's frames — as a collector's trigger does, so the cost per allocated byte stays
//! constant. Past the limit, the thread that was running gets `MemoryError` when it next runs.
//!
//! Invariant: measuring reads the heap without noting footprints or changing anything.

use crate::frame::{PendingCall, Thread};
use crate::value::{Slot, Value};
use crate::{Exc, Vm};
use std::collections::HashSet;

/// Charged bytes that trigger a measurement even when little is live.
pub const MIN_WINDOW: u64 = 32 << 20;

/// The estimated size of a value slot (a `Value` in a list, a dict or a frame).
pub const SLOT: u64 = 16;

/// The meter of one run.
#[derive(Debug, Clone)]
pub(crate) struct Meter {
    limit: u64,
    /// Live bytes at the last measurement.
    live: u64,
    /// Bytes charged since the last measurement.
    charged: u64,
    /// Charged bytes past which a measurement is due: what was live, at least [`MIN_WINDOW`].
    window: u64,
    /// A measurement is due (and [`Vm::interrupt`] ends the slice at the next instruction).
    pub(crate) due: bool,
    /// The thread to raise `MemoryError` in when it next runs.
    pending: Option<usize>,
}

impl Meter {
    pub(crate) fn new(limit: u64) -> Meter {
        Meter { limit, live: 0, charged: 0, window: MIN_WINDOW, due: false, pending: None }
    }
}

impl Vm {
    /// About to allocate `bytes`: `MemoryError` if they exceed the limit by themselves. What
    /// was live may have been freed since it was measured, so a smaller allocation goes ahead,
    /// and if it may have crossed the limit the heap is measured before the next instruction.
    pub(crate) fn charge(&mut self, bytes: u64) -> Result<(), crate::Control> {
        if bytes > self.memory.limit {
            return Err(self.raise_memory_error());
        }
        self.note_alloc(bytes);
        Ok(())
    }

    /// Count a small allocation the interpreter makes as it goes (an append, a new key): no
    /// check now, but enough of them make a measurement due.
    #[inline]
    pub(crate) fn note_alloc(&mut self, bytes: u64) {
        let meter = &mut self.memory;
        meter.charged = meter.charged.saturating_add(bytes);
        if meter.charged > meter.window || meter.live.saturating_add(meter.charged) > meter.limit {
            meter.due = true;
            self.interrupt();
        }
    }

    /// [`Vm::charge`] for `items` slots (a list, a tuple) and `overhead` bytes.
    pub(crate) fn charge_slots(&mut self, items: usize, overhead: u64) -> Result<(), crate::Control> {
        self.charge((items as u64).saturating_mul(SLOT).saturating_add(overhead))
    }

    /// [`Vm::charge`] for a sequence of `len` slots repeated `times` (CPython: MemoryError when
    /// the result could not be addressed at all, as here).
    pub(crate) fn charge_repeat(&mut self, len: usize, times: i64) -> Result<(), crate::Control> {
        match (len as u64).checked_mul(times.max(0) as u64).and_then(|n| n.checked_mul(SLOT)) {
            Some(bytes) => self.charge(bytes),
            None => Err(self.raise_memory_error()),
        }
    }

    /// `MemoryError()`, as CPython raises it (no message).
    pub(crate) fn raise_memory_error(&mut self) -> crate::Control {
        crate::Control::Raise(self.new_exception_args(Exc::MemoryError, Vec::new()))
    }

    /// Whether the runtime should measure the heap now ([`Vm::measure_memory`]).
    pub fn memory_check_due(&self) -> bool {
        self.memory.due
    }

    /// Measure the live heap (`threads` are all the run's threads); past the limit, thread
    /// `running` gets `MemoryError` when it next runs. Returns the live bytes.
    pub fn measure_memory<'t>(&mut self, running: usize, threads: impl IntoIterator<Item = &'t Thread>) -> u64 {
        let mut roots: Vec<Value> = Vec::new();
        for interp in self.all_interps() {
            roots.extend(interp.globals.iter().cloned());
            roots.extend(interp.modules.iter().map(|(_, m)| m.clone()));
            for (handler, args) in interp.exit_handlers.iter().chain(&interp.threading_exit_hooks) {
                roots.push(handler.clone());
                roots.extend(args.pos.iter().cloned());
            }
        }
        for thread in threads {
            roots.extend(thread.data.borrow_unnoted().values());
            roots.extend(thread_roots(thread));
        }
        // The simulated disk is the machine's memory too.
        let live = heap_size(roots) + self.files.as_ref().map_or(0, crate::files::FileSystem::size);
        let meter = &mut self.memory;
        meter.live = live;
        meter.window = live.max(MIN_WINDOW);
        meter.charged = 0;
        meter.due = false;
        self.interrupt = self.output.exceeded;
        if live > meter.limit {
            meter.pending = Some(running);
        }
        live
    }

    /// `MemoryError` for `th`, if a measurement found the heap past the limit while it ran.
    pub(crate) fn pending_memory_error(&mut self, th: &Thread) -> Option<Value> {
        if self.memory.pending != Some(th.tid) {
            return None;
        }
        self.memory.pending = None;
        Some(self.new_exception_args(Exc::MemoryError, Vec::new()))
    }
}

/// What a frame (a thread's, or a suspended generator's) holds.
fn frame_roots(frame: &crate::Frame, roots: &mut Vec<Value>) {
    roots.extend(frame.parked.iter().cloned());
    roots.extend(frame.cells.iter().map(|c| Value::Cell(c.clone())));
    roots.extend(frame.namespace.clone().map(Value::Dict));
}

/// What a thread's frames and pending work hold.
fn thread_roots(thread: &Thread) -> Vec<Value> {
    let mut roots = thread.stack.clone();
    for frame in &thread.frames {
        frame_roots(frame, &mut roots);
    }
    roots.extend(thread.handled.iter().cloned());
    if let Some(resume) = &thread.resume {
        roots.push(resume.clone().unwrap_or_else(|e| e));
    }
    match &thread.pending_call {
        Some(PendingCall::Run(v)) => roots.push(v.clone()),
        Some(PendingCall::Call(v, args)) => {
            roots.push(v.clone());
            roots.extend(args.pos.iter().cloned());
        }
        None => {}
    }
    roots
}

/// The estimated bytes of everything reachable from `roots`, each object once.
fn heap_size(mut work: Vec<Value>) -> u64 {
    // Addresses only tell objects apart during this walk; they never reach output.
    let mut seen: HashSet<usize, crate::dict::FixedState> = HashSet::default();
    let mut total: u64 = 0;
    while let Some(value) = work.pop() {
        let Some(address) = value.heap_address() else { continue };
        if !seen.insert(address) {
            continue;
        }
        total = total.saturating_add(size_of(&value));
        children(&value, &mut work);
    }
    total
}

/// The estimated size of the object `value` points to (not what it refers to): the object, its
/// reference count and cell, and its buffers as the allocator rounds them.
pub(crate) fn size_of(value: &Value) -> u64 {
    const HEADER: u64 = 64;
    const DICT_ENTRY: u64 = 5 * SLOT;
    const SET_ENTRY: u64 = 4 * SLOT;
    let slots = |n: usize| (n as u64) * SLOT;
    let entries = |n: usize, each: u64| (n as u64) * each;
    HEADER
        + match value {
            Value::Str(s) => s.len() as u64,
            Value::Bytes(b) => b.len() as u64,
            Value::ByteArray(b) => b.borrow_unnoted().capacity() as u64,
            Value::Long(b) => b.bits() / 8,
            Value::Tuple(t) => slots(t.len()),
            Value::List(l) => slots(l.borrow_unnoted().capacity()),
            Value::Dict(d) => entries(d.borrow_unnoted().len(), DICT_ENTRY),
            Value::Set(s) => entries(s.borrow_unnoted().len(), SET_ENTRY),
            Value::Instance(i) => 64 + entries(i.dict.borrow_unnoted().len(), DICT_ENTRY),
            Value::Class(c) => 192 + entries(c.dict.borrow_unnoted().len(), DICT_ENTRY),
            Value::Module(m) => entries(m.dict.borrow_unnoted().len(), DICT_ENTRY),
            Value::Function(f) => 128 + slots(f.defaults.len() + f.closure.len()),
            Value::Iterator(_) | Value::Range(_) | Value::Slice(_) | Value::View(_) => 32,
            Value::BoundMethod(_) | Value::Cell(_) | Value::Descriptor(_) => 0,
            Value::Undefined | Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Native(_) => 0,
        }
}

/// Push what `value` refers to.
fn children(value: &Value, work: &mut Vec<Value>) {
    match value {
        Value::Tuple(items) => work.extend(items.iter().cloned()),
        Value::List(list) => work.extend(list.borrow_unnoted().iter().cloned()),
        Value::Dict(dict) => work.extend(dict.borrow_unnoted().iter().flat_map(|(k, v)| [k.0.clone(), v.clone()])),
        Value::Set(set) => work.extend(set.borrow_unnoted().iter().map(|k| k.0.clone())),
        Value::Slice(items) => work.extend(items.iter().cloned()),
        Value::BoundMethod(pair) => work.extend([pair.0.clone(), pair.1.clone()]),
        Value::Cell(cell) => work.push(cell.borrow_unnoted().clone()),
        Value::Module(module) => work.extend(module.dict.borrow_unnoted().values().cloned()),
        Value::Class(class) => work.extend(class.dict.borrow_unnoted().values().cloned()),
        Value::Instance(instance) => {
            work.extend(instance.dict.borrow_unnoted().values().cloned());
            match &instance.slot {
                Slot::Thread(data) => work.extend(data.borrow_unnoted().values()),
                Slot::Local(local) => work.extend(local.values()),
                Slot::Channel(channel) => work.extend(channel.buffer.borrow_unnoted().values().cloned()),
                Slot::Generator(state) => {
                    if let Some(frame) = &*state.frame.borrow() {
                        frame_roots(frame, work);
                    }
                }
                Slot::Builtin(base) => work.push(base.clone()),
                Slot::Deque(store) => work.extend(store.borrow_unnoted().items.iter().cloned()),
                Slot::Exception(data) => {
                    let data = data.borrow();
                    work.extend(data.cause.iter().chain(data.context.iter()).cloned());
                    work.extend(data.kept_locals.iter().flatten().cloned());
                }
                // A weak handle keeps nothing alive.
                Slot::None | Slot::Lock(_) | Slot::Twister(_) | Slot::Regex(_) | Slot::Weak(_) => {}
            }
        }
        Value::Function(f) => {
            work.extend(f.defaults.iter().cloned());
            work.extend(f.kw_defaults.iter().map(|(_, v)| v.clone()));
            work.extend(f.closure.iter().map(|cell| Value::Cell(cell.clone())));
            work.extend(f.attrs.borrow_unnoted().values().cloned());
        }
        Value::Iterator(state) => work.extend(state.borrow_unnoted().values()),
        Value::View(view) => work.push(Value::Dict(view.dict.clone())),
        Value::Descriptor(d) => work.push(d.func.clone()),
        _ => {}
    }
}
