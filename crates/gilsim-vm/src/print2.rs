//! Python 2's print statement, as `--python 2.7` scripts use it: the front end turns
//! `print a, b` into `_gilsim_print_item(None, a); _gilsim_print_item(None, b);
//! _gilsim_print_newline(None)`, the `PRINT_ITEM`/`PRINT_NEWLINE` opcodes of CPython 2.7
//! (Python/ceval.c), so a thread may switch between the items as there.
//!
//! Invariant: the softspace rule of 2.7 — an item is preceded by a space when the previous item
//! asked for one; every item asks for one except a string ending in whitespace other than a
//! space; a newline, a `write()` to the stream, and the end of the main module clear it (the
//! last one writing the newline a trailing comma left owed, as `Py_FlushLine` does).

use crate::builtins::arity;
use crate::native::{native, Args, NResult};
use crate::value::Value;
use crate::{Thread, Vm};

native!(PRINT_ITEM, "_gilsim_print_item", print_item);
native!(PRINT_NEWLINE, "_gilsim_print_newline", print_newline);

/// The natives the front end's rewrite of print statements calls.
pub(crate) fn builtins() -> [(&'static str, Value); 2] {
    [("_gilsim_print_item", Value::Native(&PRINT_ITEM)), ("_gilsim_print_newline", Value::Native(&PRINT_NEWLINE))]
}

fn print_item(vm: &mut Vm, th: &mut Thread, args: Args) -> NResult {
    arity(vm, "_gilsim_print_item", &args, 2, 2)?;
    let stream = stream_of(vm, &args.pos[0]);
    let text = vm.str_of(th, &args.pos[1])?;
    let wants_space = match &args.pos[1] {
        Value::Str(_) => !text.ends_with(|c: char| c.is_ascii_whitespace() && c != ' '),
        _ => true,
    };
    let mut writes = Vec::with_capacity(2);
    if std::mem::replace(&mut vm.output.softspace[stream], wants_space) {
        writes.push(" ".to_string());
    }
    writes.push(text);
    write(vm, th, stream, writes)
}

fn print_newline(vm: &mut Vm, th: &mut Thread, args: Args) -> NResult {
    arity(vm, "_gilsim_print_newline", &args, 1, 1)?;
    let stream = stream_of(vm, &args.pos[0]);
    vm.output.softspace[stream] = false;
    write(vm, th, stream, vec!["\n".to_string()])
}

/// 1 for stderr, 0 for stdout (None, or any other file: gilsim models these two).
fn stream_of(vm: &Vm, file: &Value) -> usize {
    usize::from(crate::modules::sys::is_stderr(vm, file))
}

fn write(vm: &mut Vm, th: &mut Thread, stream: usize, writes: Vec<String>) -> NResult {
    if stream == 1 {
        writes.iter().for_each(|w| vm.write_stderr(w));
        return Ok(Value::None);
    }
    vm.write_stdout(th, writes, false, Value::None)
}

impl Vm {
    /// A `write()` to a stream clears its softspace.
    pub(crate) fn clear_softspace(&mut self, stderr: bool) {
        self.output.softspace[usize::from(stderr)] = false;
    }

    /// The main module ended: a newline owed by a trailing comma on stdout is written.
    pub fn end_main_module(&mut self) {
        if std::mem::take(&mut self.output.softspace[0]) {
            crate::footprint::note(crate::footprint::Resource::Output, true);
            self.emit(false, "\n");
        }
    }
}
