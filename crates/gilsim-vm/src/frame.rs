//! Frames and threads as the interpreter sees them.

use crate::dict::Dict;
use crate::footprint::PyCell;
use crate::sync::ThreadData;
use crate::value::Value;
use gilsim_bytecode::CodeId;
use std::rc::Rc;

/// What happens to a frame's return value.
pub enum ReturnMode {
    /// Push it on the caller's stack (or finish the thread).
    Push,
    /// A constructor's `__init__`: push this instance instead (the result must be None).
    Instance(Value),
    /// A class body: build the class from the namespace and push it.
    ClassBody(Box<crate::class::ClassHeader>),
    /// A class's Python `__new__`: then its `__init__`, if the result is an instance of it.
    New(Box<(std::rc::Rc<crate::value::Class>, crate::native::Args)>),
    /// Return to a native that called back into Python ([`crate::Vm::call_nested`]).
    Nested,
    /// A `for` loop's call of a Python `__next__`: push the item; on StopIteration, end the
    /// loop by jumping to `exit` (CPython's `FOR_ITER` calling `tp_iternext`).
    ForIter { exit: u32 },
    /// `yield from`'s call of the iterator's `__next__`, `send` or `throw` (`Send`): push
    /// the item; on StopIteration, replace the iterator with the exception's value and jump
    /// to `exit`.
    YieldFrom { exit: u32 },
    /// A Python hook an operation called in tail position ([`crate::hooks`]): finish the
    /// operation with the result, then deliver it.
    Then(Box<crate::hooks::Then>, crate::hooks::Delivery),
}

impl ReturnMode {
    /// Whether the result goes to a native waiting in a nested loop.
    pub fn is_nested(&self) -> bool {
        matches!(self, ReturnMode::Nested | ReturnMode::Then(_, crate::hooks::Delivery::Nested))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// `try:` of try/except, try/finally, or a `with` body: on an exception, jump to the
    /// handler with the exception pushed.
    Handler,
    /// Inside an `except` body: leaving it (normally or not) ends the handling.
    ExceptBody,
}

#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub handler: u32,
    pub depth: usize,
}

/// One activation of a code object.
///
/// Its locals and its value stack are one run of values, as CPython's `localsplus`: the
/// locals are the first `nlocals` values, the stack the rest (which never shrinks into the
/// locals). While the frame is on a thread they lie on the thread's [`Thread::stack`] from
/// `base` on, after its caller's, as CPython 3.11 keeps frames on a per-thread data stack: a
/// call's arguments become the callee's first locals where the caller pushed them, and a
/// return truncates the stack, freeing the locals before the stack, as CPython's
/// `_PyFrame_Clear` does. Off a thread (a suspended generator's frame, or one being built)
/// they are `parked` in the frame.
pub struct Frame {
    pub code: CodeId,
    /// How many of the frame's first values are the locals.
    pub(crate) nlocals: u32,
    pub ip: usize,
    /// Where its values begin on its thread's stack, while it is on a thread.
    pub(crate) base: usize,
    /// Its values while it is off any thread; empty while it runs.
    pub(crate) parked: Vec<Value>,
    pub cells: Vec<Rc<PyCell<Value>>>,
    pub blocks: Vec<Block>,
    /// The function being run (None for the module body).
    pub function: Option<Rc<crate::value::Function>>,
    /// A class body's namespace.
    pub namespace: Option<Rc<PyCell<Dict>>>,
    pub return_mode: ReturnMode,
    /// While a generator's frame runs: its generator (see `generator`).
    pub(crate) generator: Option<Rc<crate::generator::Generator>>,
}

impl Frame {
    /// A frame with `locals`, parked until it is pushed ([`Thread::push_frame`]).
    #[inline]
    pub fn new(
        code: CodeId,
        locals: Vec<Value>,
        cells: Vec<Rc<PyCell<Value>>>,
        function: Option<Rc<crate::value::Function>>,
        return_mode: ReturnMode,
    ) -> Frame {
        let mut frame = Frame { code, cells, function, return_mode, ..Frame::blank() };
        frame.set_locals(locals);
        frame
    }

    /// A frame of the module body with nothing in it, to be filled in place.
    #[inline]
    pub fn blank() -> Frame {
        Frame {
            code: 0,
            nlocals: 0,
            ip: 0,
            base: 0,
            parked: Vec::new(),
            cells: Vec::new(),
            blocks: Vec::new(),
            function: None,
            namespace: None,
            return_mode: ReturnMode::Push,
            generator: None,
        }
    }

    /// Make the blank frame `function`'s (its locals bound already), returning per `mode`.
    #[inline]
    pub fn enter(&mut self, function: Rc<crate::value::Function>, mode: ReturnMode) {
        self.code = function.code;
        self.function = Some(function);
        // A blank frame's mode is `Push`, which owns nothing: forgotten, not dropped (its drop
        // glue is an out-of-line call on every call of a Python function).
        let blank = std::mem::replace(&mut self.return_mode, mode);
        debug_assert!(matches!(blank, ReturnMode::Push), "entered a frame that was not blank");
        std::mem::forget(blank);
    }

    /// Make `locals` the (parked) frame's locals.
    #[inline]
    pub fn set_locals(&mut self, locals: Vec<Value>) {
        self.set_nlocals(locals.len());
        self.parked = locals;
    }

    #[inline]
    pub(crate) fn set_nlocals(&mut self, n: usize) {
        self.nlocals = u32::try_from(n).expect("a code object has fewer than 2^32 locals");
    }

    /// Where its value stack begins on its thread's stack.
    #[inline]
    pub(crate) fn stack_base(&self) -> usize {
        self.base + self.nlocals as usize
    }
}

/// Emptied argument vectors and parked frames' values, kept for the next calls' arguments
/// (and generators' frames): a call then allocates none. Emptying a vector drops its values
/// in order, as dropping it would.
///
/// Only vectors with room for at least [`SparePool::MIN_CAPACITY`] values are kept: a frame's
/// stack and most argument lists then fit the first vector taken. (Keeping smaller ones made
/// `take` grow them by `realloc`, which copies the old block: two of every five calls in
/// `queue.py` did.)
///
/// Block stacks are kept too: a frame that enters a `with` or `try` would allocate one.
#[derive(Default)]
pub(crate) struct SparePool {
    values: Vec<Vec<Value>>,
    blocks: Vec<Vec<Block>>,
}

impl SparePool {
    /// Vectors kept at most, and the smallest and largest capacity kept (a deep stack is not
    /// held on to).
    const KEPT: usize = 64;
    pub(crate) const MIN_CAPACITY: usize = 8;
    const MAX_CAPACITY: usize = 256;

    /// An empty vector with room for `capacity` values (and for at least `MIN_CAPACITY`, so
    /// that [`SparePool::give`] keeps it).
    #[inline]
    pub(crate) fn take(&mut self, capacity: usize) -> Vec<Value> {
        match self.values.pop() {
            Some(mut v) => {
                v.reserve(capacity);
                v
            }
            None => Vec::with_capacity(capacity.max(Self::MIN_CAPACITY)),
        }
    }

    /// A new frame's vector: `slots` unbound locals, with room for its stack after them.
    pub(crate) fn unbound_locals(&mut self, slots: usize) -> Vec<Value> {
        let mut locals = self.take(slots + crate::bind::STACK_ROOM);
        locals.resize(slots, Value::Undefined);
        locals
    }

    /// Make sure `v` has room for `capacity` values, by moving its values into a pooled
    /// vector rather than reallocating it.
    #[inline]
    pub(crate) fn make_room(&mut self, v: &mut Vec<Value>, capacity: usize) {
        if v.capacity() < capacity {
            self.move_to_room(v, capacity);
        }
    }

    #[inline(never)]
    fn move_to_room(&mut self, v: &mut Vec<Value>, capacity: usize) {
        let mut room = self.take(capacity);
        room.append(v);
        self.give(std::mem::replace(v, room));
    }

    /// Room for `blocks`' first block (a frame's block stack starts without any).
    #[inline]
    pub(crate) fn ready_blocks(&mut self, blocks: &mut Vec<Block>) {
        if blocks.capacity() == 0 {
            if let Some(kept) = self.blocks.pop() {
                *blocks = kept;
            }
        }
    }

    /// Keep a returned frame's (emptied) block stack.
    #[inline]
    pub(crate) fn give_blocks(&mut self, mut blocks: Vec<Block>) {
        if blocks.capacity() != 0 && self.blocks.len() < Self::KEPT {
            blocks.clear();
            self.blocks.push(blocks);
        }
    }

    #[inline]
    pub(crate) fn give(&mut self, mut v: Vec<Value>) {
        v.clear();
        if self.values.len() < Self::KEPT && (Self::MIN_CAPACITY..=Self::MAX_CAPACITY).contains(&v.capacity()) {
            self.values.push(v);
        }
    }
}

/// A simulated thread's interpreter state.
/// What a thread calls when it next runs with no frame to resume.
pub enum PendingCall {
    /// A started thread: this Thread object's `run()`.
    Run(Value),
    /// An `atexit` handler on the main thread.
    Call(Value, crate::native::Args),
}

pub struct Thread {
    pub tid: usize,
    /// The values of `frames`, each frame's from its `base` on (see [`Frame`]).
    pub stack: Vec<Value>,
    /// What Python sees of the thread (its `threading.Thread` object's state), shared with
    /// the object and with its process's registry (`Interp::threads`).
    pub data: Rc<PyCell<ThreadData>>,
    pub frames: Vec<Frame>,
    /// Exceptions being handled (`except` bodies), innermost last — for bare `raise`.
    pub handled: Vec<Value>,
    /// Set by the runtime before resuming a thread that left with a request.
    pub resume: Option<Result<Value, Value>>,
    /// A call to make before running any frame (a new thread's `run()`, an exit handler).
    pub pending_call: Option<PendingCall>,
    /// Unbuffered stdout: the writes of a `print` still to make, one per GIL release.
    pub pending_output: std::collections::VecDeque<String>,
    /// Its last slice ended at a loop's back edge (`JumpBackward`): the instruction it ran
    /// last is that jump, not the one before where it resumes (for a traceback made there).
    pub(crate) resumes_after_jump: bool,
    /// Its trace function and what it traces (`sys.settrace`), if it is traced.
    pub(crate) tracing: Option<Box<crate::settrace::Tracing>>,
}

impl Thread {
    pub fn new(tid: usize, data: Rc<PyCell<ThreadData>>) -> Thread {
        Thread {
            tid,
            stack: Vec::new(),
            data,
            frames: Vec::new(),
            handled: Vec::new(),
            resume: None,
            pending_call: None,
            pending_output: Default::default(),
            resumes_after_jump: false,
            tracing: None,
        }
    }

    /// A thread of no one's, for natives that must run Python code outside any thread
    /// (a repr in a report).
    pub(crate) fn scratch() -> Thread {
        Thread::new(0, crate::modules::threading::new_thread_data())
    }

    /// Push `frame`, moving its parked values onto the stack (its emptied vector stays with
    /// it, for a generator's next `yield`).
    pub fn push_frame(&mut self, frame: Frame) {
        self.frames.push(frame);
        self.unpark_top();
    }

    /// Move the parked values of the frame on top onto the stack, its base the stack's end.
    #[inline]
    pub(crate) fn unpark_top(&mut self) -> &mut Frame {
        let frame = self.frames.last_mut().expect("a frame on top");
        frame.base = self.stack.len();
        self.stack.append(&mut frame.parked);
        frame
    }

    /// Pop the frame on top, its values dropped (locals first).
    pub(crate) fn pop_frame(&mut self) -> Frame {
        let frame = self.frames.pop().expect("a frame to pop");
        self.stack.truncate(frame.base);
        frame
    }

    /// Pop the frame on top with its values parked in it (a generator's `yield`).
    pub(crate) fn park_frame(&mut self) -> Frame {
        let mut frame = self.frames.pop().expect("a frame to park");
        frame.parked.extend(self.stack.drain(frame.base..));
        frame
    }

    /// The locals of `frame`, one of this thread's frames.
    pub fn locals_of(&self, frame: &Frame) -> &[Value] {
        &self.stack[frame.base..frame.base + frame.nlocals as usize]
    }

    /// Resume with a value (the result of the call that left as a request).
    pub fn resume_with(&mut self, value: Value) {
        self.resume = Some(Ok(value));
    }

    /// Resume by raising `exc` at the call that left as a request.
    pub fn resume_raising(&mut self, exc: Value) {
        self.resume = Some(Err(exc));
    }
}
