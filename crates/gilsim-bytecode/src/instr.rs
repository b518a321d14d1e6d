//! The instruction set: a stack machine close to CPython's, with jump targets as absolute
//! instruction indices.
//!
//! Switch points (python-semantics.md §3.1) for 3.10+ are `Resume` (function entry),
//! `JumpBackward` (loop back-edges) and the return of a call to a non-Python callable; the VM
//! decides the last one at run time. For ≤ 3.9 every instruction boundary is one.

/// Binary arithmetic operators (also used in place for augmented assignment).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    /// Python 2's `/`: floor division of ints, true division otherwise (`--python 2.7`).
    ClassicDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul,
}

impl BinOp {
    /// The operator's source spelling, as CPython prints it in TypeError messages.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::ClassicDiv => "/",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
            BinOp::MatMul => "@",
        }
    }
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum UnaryOp {
    Neg,
    Pos,
    Not,
    Invert,
}

impl UnaryOp {
    /// The special method a class defines for the operator (`not` asks `__bool__`).
    pub fn dunder(self) -> &'static str {
        match self {
            UnaryOp::Neg => "__neg__",
            UnaryOp::Pos => "__pos__",
            UnaryOp::Not => "__bool__",
            UnaryOp::Invert => "__invert__",
        }
    }
}

/// Rich comparisons.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

/// One instruction. Operands index the code object's tables (`consts`, `names`, locals,
/// cells) or the program's global table; jump targets are instruction indices.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Instr {
    /// Function entry: a switch point in every version.
    Resume,
    Nop,
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Cells: the code's own cell variables first, then its free variables.
    LoadDeref(u32),
    StoreDeref(u32),
    /// `del name` of a variable a closure shares: the cell is left empty.
    DeleteDeref(u32),
    /// Push the cell object itself (to build a closure).
    LoadClosure(u32),
    /// Index into the program's global table.
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Class bodies: look up `names[i]` in the namespace, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    /// `del name` in a class body: NameError when the namespace lacks it.
    DeleteName(u32),
    LoadAttr(u32),
    /// `obj.name` about to be called (CPython's LOAD_METHOD): pushes `obj` and the function
    /// when `name` is a method found on the type, else an empty slot (`Undefined`) and the
    /// attribute, so the call needs no bound-method object.
    LoadMethod(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    LoadSubscr,
    StoreSubscr,
    DeleteSubscr,
    /// Build a slice from 2 or 3 stack items.
    BuildSlice(u8),
    Binary(BinOp),
    Inplace(BinOp),
    Unary(UnaryOp),
    Compare(CmpOp),
    /// `is` (false) / `is not` (true).
    Is(bool),
    /// `in` (false) / `not in` (true).
    Contains(bool),
    Pop,
    Dup,
    /// Duplicate the top two items.
    Dup2,
    Rot2,
    Rot3,
    Jump(u32),
    /// A loop back-edge: a switch point in every version.
    JumpBackward(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// Push the next item, or pop the iterator and jump when exhausted.
    ForIter(u32),
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// A set display of `count` constants, three or more (`{10, 20, 30}`): CPython 3.9 on
    /// makes them a frozenset constant, which is iterated as it is (`merged: false`, a `for`
    /// loop's iterable) or merged into an empty set (a display), orders that differ from
    /// `BuildSet`'s insertion for five and more members.
    BuildConstSet {
        count: u32,
        merged: bool,
    },
    /// Build a dict from 2n items (key, value, ...).
    BuildMap(u32),
    /// Append TOS to the list at stack depth `n` (1 = directly below TOS); used by comprehensions.
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    /// list.extend(TOS) on the list below it (for `*x` in displays and calls). `call`: the
    /// list is a call's positional arguments, below it the callable (3.6–3.8 name it when TOS
    /// is not iterable).
    ListExtend {
        call: bool,
    },
    /// set.update(TOS) on the set below it (`{*x}`).
    SetUpdate,
    /// Merge the mapping on TOS into a call's keyword dict below it (`f(**x)`; stack:
    /// callable, positional tuple, dict, TOS): a key given twice is CPython's TypeError.
    DictMerge,
    /// dict.update(TOS) on the dict below it (`{**x}`): later keys win.
    DictUpdate,
    ListToTuple,
    UnpackSequence(u32),
    /// Starred unpacking: `before` items, a list, `after` items.
    UnpackEx {
        before: u16,
        after: u16,
    },
    /// Call with `argc` positional arguments; stack: callable, args.
    Call(u32),
    /// [`Instr::Call`] after [`Instr::LoadMethod`]; stack: receiver (or an empty slot),
    /// callable, args.
    CallMethod(u32),
    /// Call with keywords: stack: callable, positional args, keyword values; `names` is a const
    /// tuple of keyword names (the last `len(names)` arguments). `argc` is 16 bits so that an
    /// instruction is 8 bytes (one load in the interpreter's dispatch); the compiler passes
    /// larger calls as [`Instr::CallEx`].
    CallKw {
        argc: u16,
        names: u32,
    },
    /// Call with a tuple of positional arguments and a dict (or None) of keywords on the stack.
    /// `spread`: the positional arguments are `f(*x)`'s `x` as it is, of which the call makes
    /// the tuple (CPython 3.9+'s `CALL_FUNCTION_EX` on a lone `*x`).
    CallEx {
        spread: bool,
    },
    /// Make a function from `consts[code]`. Stack (bottom to top): defaults tuple (if flag 1),
    /// kw-defaults dict (if flag 2), annotations dict (if flag 8), closure tuple (if flag 4).
    MakeFunction {
        code: u32,
        flags: u8,
    },
    /// Stack: body function, name, bases tuple, keywords dict (or None). Runs the body and
    /// builds the class.
    BuildClass,
    /// Push the class namespace's `__class__` cell value for zero-argument `super()`.
    LoadSuperArgs,
    Return,
    /// `yield`: the generator's frame suspends and TOS goes to whoever resumed it; when it
    /// is resumed, the value sent in (None for `next()`) is pushed.
    YieldValue,
    /// `yield from` (PEP 380; CPython's `SEND`): TOS is the value to send (None: `next`), the
    /// iterator below it. The iterator's next item is pushed and execution falls through (to
    /// the `YieldValue` that hands it out); when the iterator is exhausted, it is replaced by
    /// its return value (`StopIteration.value`) and execution jumps to the target.
    Send(u32),
    /// `raise` (0 = re-raise the handled exception, 1 = exc, 2 = exc from cause).
    Raise(u8),
    /// Re-raise the exception on TOS (end of a finally/with handler).
    Reraise,
    /// Push an exception handler: on an exception, unwind the stack to its current depth,
    /// push the exception and jump to the target.
    SetupExcept(u32),
    /// Like SetupExcept, for a `finally` clause.
    SetupFinally(u32),
    PopBlock,
    /// Enter an `except` body: TOS is the exception; it becomes the handled exception (for a
    /// bare `raise`) until PopExcept.
    PushExcInfo,
    PopExcept,
    /// TOS: an exception class or tuple; below it the exception. Replace TOS with a bool.
    CheckExcMatch,
    /// `with`: TOS is the context manager. Replace it with its bound `__exit__` and push the
    /// result of `__enter__()`.
    BeforeWith,
    /// `async with`: TOS is the context manager. Replace it with its bound `__aexit__` and
    /// push the result of `__aenter__()` (an awaitable, which `GetAwaitable` follows).
    BeforeAsyncWith,
    /// `await` (CPython's GET_AWAITABLE): replace TOS by the iterator the awaiting `Send`
    /// loop drives: a coroutine itself, else what its type's `__await__()` returns.
    GetAwaitable,
    /// `async for`: replace TOS by its `__aiter__()`, which must have `__anext__`.
    GetAIter,
    /// `async for`: push `__anext__()` of the async iterator on TOS (left in place).
    GetANext,
    /// End of an `async for` (its handler; stack: async iterator, exception): a
    /// StopAsyncIteration ends the loop (both popped), anything else is re-raised.
    EndAsyncFor,
    /// `yield` in an async generator: park the frame and hand TOS out marked as the
    /// generator's item, so the `__anext__` awaitable driving it tells it from what an
    /// `await` inside the body passes up to the event loop.
    AsyncGenYield,
    /// Call `__exit__`. Normal exit (stack: `__exit__`): call it with three Nones and push
    /// the result. Exceptional exit (stack: `__exit__`, exception): call it with the
    /// exception's type, the exception and None, and push the result.
    WithExit {
        exceptional: bool,
    },
    /// Stack: `__exit__`, exception, result of `__exit__`. Pop all three; if the result is
    /// false, re-raise the exception (else it is swallowed).
    WithExitCheck,
    /// f-strings: convert TOS (0 = none, 's', 'r', 'a'); if `spec`, TOS is the spec, below it
    /// the value.
    FormatValue {
        conversion: u8,
        spec: bool,
    },
    /// Concatenate n strings.
    BuildString(u32),
    /// `import names[i]`: push the module.
    ImportName(u32),
    /// `from M import names[i]`: TOS is the module; push the attribute.
    ImportFrom(u32),
    /// `from M import *`: TOS is the module; pop it and bind its public names (its
    /// `__all__`, else those without a leading underscore) that are global slots of the
    /// running code's module.
    ImportStar,
    /// Assertion failed: TOS is the message or None.
    RaiseAssertion,
}

// The interpreter fetches an instruction with one 8-byte load.
const _: () = assert!(std::mem::size_of::<Instr>() == 8);

impl Instr {
    /// The jump target, if this instruction can jump.
    pub fn jump_target(&self) -> Option<u32> {
        match *self {
            Instr::Jump(t)
            | Instr::JumpBackward(t)
            | Instr::PopJumpIfFalse(t)
            | Instr::PopJumpIfTrue(t)
            | Instr::JumpIfFalseOrPop(t)
            | Instr::JumpIfTrueOrPop(t)
            | Instr::ForIter(t)
            | Instr::Send(t)
            | Instr::SetupExcept(t)
            | Instr::SetupFinally(t) => Some(t),
            _ => None,
        }
    }

    /// Set the jump target (used by the compiler to patch forward jumps).
    pub fn set_jump_target(&mut self, target: u32) {
        match self {
            Instr::Jump(t)
            | Instr::JumpBackward(t)
            | Instr::PopJumpIfFalse(t)
            | Instr::PopJumpIfTrue(t)
            | Instr::JumpIfFalseOrPop(t)
            | Instr::JumpIfTrueOrPop(t)
            | Instr::ForIter(t)
            | Instr::Send(t)
            | Instr::SetupExcept(t)
            | Instr::SetupFinally(t) => *t = target,
            other => panic!("set_jump_target on non-jump {other:?}"),
        }
    }

    /// True for the switch points that exist in every version: function entry and loop
    /// back-edges. (Returns from non-Python calls are decided by the VM.)
    pub fn is_static_switch_point(&self) -> bool {
        matches!(self, Instr::Resume | Instr::JumpBackward(_))
    }

    /// Whether the old GIL's ticker counts this instruction. CPython 2.7's "fast" opcodes
    /// (`LOAD_FAST`, `LOAD_CONST`, `STORE_FAST`, `POP_TOP`, `ROT_*`, `DUP_TOP`, `NOP`,
    /// `JUMP_FORWARD`) jump to `fast_next_opcode` and skip the ticker (python-semantics.md §1.1).
    pub fn costs_tick(&self) -> bool {
        !matches!(
            self,
            Instr::LoadFast(_)
                | Instr::LoadConst(_)
                | Instr::StoreFast(_)
                | Instr::Pop
                | Instr::Rot2
                | Instr::Rot3
                | Instr::Dup
                | Instr::Nop
                | Instr::Jump(_)
        )
    }
}
