//! A human-readable listing of a program's bytecode, in the spirit of CPython's `dis`, marking
//! where a thread switch can happen under the modelled version.

use crate::{CodeObject, Const, Instr, Program};
use std::fmt::Write;

/// Disassemble every code object of the script (linked library modules are left out).
/// `every_instruction` marks all boundaries as switch points
/// (≤ 3.9 or `--switch-points every`); otherwise only function entry, back-edges and calls
/// (which switch if the callee turns out to be a non-Python callable other than `len`,
/// `isinstance`, `type`).
pub fn disassemble(program: &Program, every_instruction: bool) -> String {
    let mut out = String::new();
    for (id, code) in program.codes.iter().enumerate().filter(|(_, c)| c.module == 0) {
        if id > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "Disassembly of {} (line {}):", code.qualname, code.first_line);
        disassemble_code(program, code, every_instruction, &mut out);
    }
    out
}

fn disassemble_code(program: &Program, code: &CodeObject, every: bool, out: &mut String) {
    let targets: Vec<u32> = code.instrs.iter().filter_map(Instr::jump_target).collect();
    let mut last_line = 0;
    for (index, instr) in code.instrs.iter().enumerate() {
        let line = code.lines[index];
        let line_col = if line != last_line { line.to_string() } else { String::new() };
        last_line = line;
        let marker = if every || instr.is_static_switch_point() {
            "S"
        } else if matches!(instr, Instr::Call(_) | Instr::CallMethod(_) | Instr::CallKw { .. } | Instr::CallEx { .. }) {
            "s"
        } else {
            " "
        };
        let label = if targets.contains(&(index as u32)) { ">>" } else { "  " };
        let (name, arg) = describe(program, code, instr);
        let _ = writeln!(out, "{line_col:>5} {marker} {label} {index:>4} {name:<20} {arg}");
        let _ = out.trim_end_matches(' ');
    }
}

fn describe(program: &Program, code: &CodeObject, instr: &Instr) -> (String, String) {
    let name_of = |i: u32| code.names.get(i as usize).cloned().unwrap_or_default();
    let local = |i: u32| code.local_names.get(i as usize).cloned().unwrap_or_default();
    let cell = |i: u32| {
        let i = i as usize;
        code.cell_names.iter().chain(&code.free_names).nth(i).cloned().unwrap_or_default()
    };
    let global = |i: u32| program.global_names.get(i as usize).cloned().unwrap_or_default();
    let text = format!("{instr:?}");
    let opname = text.split(['(', ' ']).next().unwrap_or("").to_string();
    let arg = match *instr {
        Instr::LoadConst(i) => format!("{i} ({})", const_repr(program, &code.consts[i as usize])),
        Instr::LoadFast(i) | Instr::StoreFast(i) | Instr::DeleteFast(i) => {
            format!("{i} ({})", local(i))
        }
        Instr::LoadDeref(i) | Instr::StoreDeref(i) | Instr::DeleteDeref(i) | Instr::LoadClosure(i) => {
            format!("{i} ({})", cell(i))
        }
        Instr::LoadGlobal(i) | Instr::StoreGlobal(i) | Instr::DeleteGlobal(i) => {
            format!("{i} ({})", global(i))
        }
        Instr::LoadName(i)
        | Instr::StoreName(i)
        | Instr::DeleteName(i)
        | Instr::LoadAttr(i)
        | Instr::LoadMethod(i)
        | Instr::StoreAttr(i)
        | Instr::DeleteAttr(i)
        | Instr::ImportName(i)
        | Instr::ImportFrom(i) => format!("{i} ({})", name_of(i)),
        Instr::Binary(op) | Instr::Inplace(op) => op.symbol().to_string(),
        Instr::Compare(op) => op.symbol().to_string(),
        Instr::MakeFunction { code: c, flags } => {
            let target = match code.consts.get(c as usize) {
                Some(Const::Code(id)) => program.code(*id).qualname.clone(),
                _ => String::new(),
            };
            format!("{target} (flags {flags})")
        }
        Instr::CallKw { argc, names } => {
            format!("{argc} {}", const_repr(program, &code.consts[names as usize]))
        }
        _ => match instr.jump_target() {
            Some(t) => format!("to {t}"),
            None => text
                .split_once('(')
                .map(|(_, rest)| rest.trim_end_matches(')').to_string())
                .or_else(|| text.split_once(' ').map(|(_, rest)| rest.to_string()))
                .unwrap_or_default(),
        },
    };
    (opname, arg)
}

fn const_repr(program: &Program, c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Bool(b) => if *b { "True" } else { "False" }.into(),
        Const::Int(i) => i.to_string(),
        Const::Long { digits, radix: 10 } => digits.clone(),
        Const::Long { digits, radix } => format!("int({digits:?}, {radix})"),
        Const::Float(f) => format!("{f:?}"),
        Const::Str(s) => format!("{s:?}"),
        Const::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        Const::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(|c| const_repr(program, c)).collect();
            format!("({}{})", parts.join(", "), if parts.len() == 1 { "," } else { "" })
        }
        Const::Code(id) => format!("<code {}>", program.code(*id).qualname),
    }
}
