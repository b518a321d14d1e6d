//! gilsim's bytecode: the instruction set, immutable code objects and the program that holds
//! them, and a disassembler.
//!
//! Invariant: a [`Program`] is plain immutable data (`Send + Sync`); it is compiled once and
//! shared by every run, so a run never re-parses or mutates it.

mod code;
mod disasm;
mod instr;
mod link;

pub use code::{
    AnchorKind, Anchors, AtStatement, CodeFlags, CodeId, CodeObject, CompileWarning, Const, ModuleInfo, Param,
    Position, Program, Signature,
};
pub use disasm::disassemble;
pub use instr::{BinOp, CmpOp, Instr, UnaryOp};
