//! Linking library modules into a program. gilsim simulates the parts of the standard library
//! that CPython itself writes in Python on top of `Lock` — `threading.Condition`, `Semaphore`,
//! `Event`, `Barrier`, `Timer`, the `queue` module — as Python modules compiled by gilsim, so
//! their wake-up order, barging and switch points come out as in CPython
//! (python-semantics.md §4). Linking appends each module's code objects and global slots to the
//! script's, relocating code ids and global slot numbers; modules never share a global slot.

use crate::code::{Const, ModuleInfo, Program};
use crate::instr::Instr;

impl Program {
    /// Append a copy of `module` (a single-module program compiled on its own) as library
    /// module `name`.
    pub fn link(&mut self, name: &str, module: &Program) {
        let code_base = self.codes.len() as u32;
        let global_base = self.global_names.len() as u32;
        let index = self.modules.len() as u32;
        self.codes.reserve(module.codes.len());
        for code in &module.codes {
            let mut code = code.clone();
            code.module = index;
            for constant in &mut code.consts {
                relocate_const(constant, code_base);
            }
            for instr in &mut code.instrs {
                match instr {
                    Instr::LoadGlobal(slot) | Instr::StoreGlobal(slot) | Instr::DeleteGlobal(slot) => {
                        *slot += global_base;
                    }
                    _ => {}
                }
            }
            self.codes.push(code);
        }
        let global_count = module.global_names.len() as u32;
        self.global_names.extend_from_slice(&module.global_names);
        self.modules.push(ModuleInfo {
            name: name.to_string(),
            filename: module.filename.clone(),
            source: module.source.clone(),
            body: code_base,
            globals: (global_base, global_base + global_count),
        });
    }
}

fn relocate_const(constant: &mut Const, code_base: u32) {
    match constant {
        Const::Code(id) => *id += code_base,
        Const::Tuple(items) => items.iter_mut().for_each(|c| relocate_const(c, code_base)),
        _ => {}
    }
}
