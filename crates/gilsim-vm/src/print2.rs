//! Python 2's print statement, as `--python 2.7` scripts use it (and 2.7's list-making
//! `map`/`filter`/`zip`, [`LIST_OF`]): the front end turns
//! `print a, b` into `_gilsim_print_item(None, a); _gilsim_print_item(None, b);
//! _gilsim_print_newline(None)`, the `PRINT_ITEM`/`PRINT_NEWLINE` opcodes of CPython 2.7
//! (Python/ceval.c), so a thread may switch between the items as there.
//!
//! Invariant: the softspace rule of 2.7 — an item is preceded by a space when the previous item
//! asked for one; every item asks for one except a string ending in whitespace other than a
//! space; a newline, a `write()` to the stream, and the end of the main module clear it (the
//! last one writing the newline a trailing comma left owed, as `Py_FlushLine` does).

use crate::builtins::arity;
use crate::modules::sys::is_stderr;
use crate::native::{native, Args, NResult};
use crate::value::Value;
use crate::{Thread, Vm};

native!(PRINT_ITEM, "_gilsim_print_item", shared, print_item);
native!(PRINT_NEWLINE, "_gilsim_print_newline", shared, print_newline);

native!(LIST_OF, "_gilsim_list_of", list_of);
// 2.7's builtin `reduce` and `sort(cmp=...)`'s key: functools' (linked by the front end for
// a script using them).
native!(REDUCE, "reduce", |vm, th, args| Err(vm.library_tail_call(th, "functools", "reduce", std::mem::take(args))));
native!(CMP_TO_KEY, "cmp_to_key", |vm, th, args| {
    Err(vm.library_tail_call(th, "functools", "cmp_to_key", std::mem::take(args)))
});
native!(APPLY, "apply", apply);
native!(CMP, "cmp", cmp);

/// The natives the front end's rewrite of Python 2 forms calls.
pub(crate) fn builtins() -> [(&'static str, Value); 7] {
    [
        ("_gilsim_print_item", Value::Native(&PRINT_ITEM)),
        ("_gilsim_print_newline", Value::Native(&PRINT_NEWLINE)),
        ("_gilsim_list_of", Value::Native(&LIST_OF)),
        ("_gilsim_reduce", Value::Native(&REDUCE)),
        ("_gilsim_cmp_to_key", Value::Native(&CMP_TO_KEY)),
        ("_gilsim_apply", Value::Native(&APPLY)),
        ("_gilsim_cmp", Value::Native(&CMP)),
    ]
}

/// 2.7's `cmp(a, b)`: -1, 0 or 1 by `<` and `>`.
fn cmp(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "cmp", args, 2, 2)?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    let less = vm.compare(th, gilsim_bytecode::CmpOp::Lt, a, b)?;
    if vm.truthy(th, &less)? {
        return Ok(Value::Int(-1));
    }
    let greater = vm.compare(th, gilsim_bytecode::CmpOp::Gt, a, b)?;
    Ok(Value::Int(i64::from(vm.truthy(th, &greater)?)))
}

/// 2.7's `apply(f, args=(), kwargs={})`: `f(*args, **kwargs)`.
fn apply(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "apply", args, 1, 3)?;
    let mut pos = args.pos.drain(..);
    let callable = pos.next().unwrap_or(Value::None);
    let positional = match pos.next() {
        Some(v) => vm.collect(th, &v)?,
        None => Vec::new(),
    };
    let mut call = Args::new(positional);
    if let Some(Value::Dict(kwargs)) = pos.next() {
        for (key, value) in kwargs.borrow().iter() {
            if let Value::Str(name) = &key.0 {
                call.kw.push((name.clone(), value.clone()));
            }
        }
    }
    Err(crate::native::Control::call(callable, call))
}

/// `_gilsim_list_of(map, f, xs)`: 2.7's `map(f, xs)`, a list — made by Python code
/// (`_gilsim_iter.list_of`), so that a function given to `map` runs as `list(map(...))` runs
/// it in 3.
fn list_of(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    Err(vm.library_tail_call(th, "_gilsim_iter", "list_of", std::mem::take(args)))
}

fn print_item(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "_gilsim_print_item", args, 2, 2)?;
    // gilsim models stdout and stderr; any other file is stdout.
    let stderr = is_stderr(vm, &args.pos[0]);
    let text = vm.str_of(th, &args.pos[1])?;
    let wants_space = match &args.pos[1] {
        Value::Str(_) => !text.ends_with(|c: char| c.is_ascii_whitespace() && c != ' '),
        _ => true,
    };
    let mut writes = Vec::with_capacity(2);
    let softspace = std::mem::replace(&mut vm.output.softspace[usize::from(stderr)], wants_space);
    if softspace {
        writes.push(" ".to_string());
    }
    writes.push(text);
    let written = vm.write_stream(th, stderr, writes, false, Value::None);
    if written.is_err() {
        // Nothing was written (a unicode the pipe's ASCII cannot encode).
        vm.output.softspace[usize::from(stderr)] = softspace;
    }
    written
}

fn print_newline(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "_gilsim_print_newline", args, 1, 1)?;
    let stderr = is_stderr(vm, &args.pos[0]);
    vm.clear_softspace(stderr);
    vm.write_stream(th, stderr, vec!["\n".to_string()], false, Value::None)
}

impl Vm {
    /// Clear a stream's softspace (a newline, or a `write()` to it).
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
