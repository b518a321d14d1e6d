//! Binding a call's arguments to a new frame's locals and cells, with CPython's error
//! messages (`f() takes 2 positional arguments but 3 were given`, `missing 1 required
//! positional argument`, `got multiple values for argument`). The common call, positional
//! arguments filling a prefix of the parameters, binds by completing the arguments where
//! they lie ([`complete_locals`]): on the thread's stack for a call, in a vector for a
//! frame built parked (a generator's), which is given room for its value stack after the
//! locals ([`STACK_ROOM`]) so that its stack starts without a reallocation.

use crate::dict::{Dict, Key};
use crate::footprint::PyCell;
use crate::frame::{Frame, ReturnMode};
use crate::native::{Args, Control};
use crate::value::{Function, Value};
use crate::Exc;
use crate::Vm;
use std::rc::Rc;

/// A new frame's initial room on its value stack, past its locals.
pub(crate) const STACK_ROOM: usize = crate::frame::SparePool::MIN_CAPACITY;

impl Vm {
    /// Bind call arguments to a new frame, with CPython's error messages.
    pub(crate) fn bind_arguments(
        &mut self,
        function: Rc<Function>,
        args: Args,
        mode: ReturnMode,
    ) -> Result<Frame, Control> {
        let mut frame = Frame::blank();
        self.bind_locals(&function, args, &mut frame)?;
        frame.enter(function, mode);
        Ok(frame)
    }

    /// Give `frame` its locals (in a vector with room for its stack after them) and cells for
    /// a call of `function` with `args`, with CPython's error messages. They are stored into
    /// the frame, not returned: a returned pair of vectors came back through memory and was
    /// read back by wider loads than the stores that wrote it (a store-forwarding stall per
    /// call). The common call (positional arguments filling a prefix of the parameters) is
    /// bound here, inline in the caller; the others by [`Vm::bind_other`].
    #[inline]
    pub(crate) fn bind_locals(
        &mut self,
        function: &Rc<Function>,
        args: Args,
        frame: &mut Frame,
    ) -> Result<(), Control> {
        let code = &self.program.codes[function.code as usize];
        if args.kw.is_empty() && fills_positional_prefix(function, code, args.pos.len()) {
            let mut locals = args.into_positional();
            let slots = code.local_names.len().max(code.signature.positional.len());
            self.spare.make_room(&mut locals, slots + STACK_ROOM);
            complete_locals(&mut locals, 0, function, code);
            Self::give_cells(code, function, &locals, frame);
            frame.set_locals(locals);
            return Ok(());
        }
        self.bind_other(function, args, frame)
    }

    /// [`Vm::bind_locals`] of a call that does not just fill a prefix of the parameters.
    #[inline(never)]
    pub(crate) fn bind_other(&mut self, function: &Rc<Function>, args: Args, frame: &mut Frame) -> Result<(), Control> {
        let code = &self.program.codes[function.code as usize];
        let sig = &code.signature;
        let npos = sig.positional.len();
        let given = args.pos.len();
        let rest_call = args.kw.is_empty()
            && given >= npos
            && sig.varargs.is_some()
            && sig.keyword_only.is_empty()
            && sig.varkw.is_none();
        if rest_call {
            // `f(a, b, c)` of `def f(a, *rest)` (`Condition.__exit__(self, *args)`): the
            // first arguments, then the tuple of the others.
            let slots = code.local_names.len().max(sig.slot_count());
            let mut locals = args.into_positional();
            let rest = Value::tuple(locals.split_off(npos));
            locals.push(rest);
            self.spare.make_room(&mut locals, slots + STACK_ROOM);
            locals.extend((locals.len()..slots).map(|_| Value::Undefined));
            Self::give_cells(code, function, &locals, frame);
            frame.set_locals(locals);
            return Ok(());
        }
        let program = self.program.clone();
        let code = &program.codes[function.code as usize];
        let sig = &code.signature;
        // CPython names the function by its qualified name in these messages from 3.10. Made
        // only for a message: most calls here bind without error.
        let qualified = self.options.python >= gilsim_core::PythonVersion::new(3, 10);
        let fname = || if qualified { function.qualname.to_string() } else { function.name.to_string() };
        let mut locals = self.spare.unbound_locals(code.local_names.len().max(sig.slot_count()));
        let nkw = sig.keyword_only.len();
        let mut extra = Vec::new();
        for (i, v) in args.pos.into_iter().enumerate() {
            if i < npos {
                locals[i] = v;
            } else if sig.varargs.is_some() {
                extra.push(v);
            } else {
                let required = sig.positional.iter().filter(|p| !p.has_default).count();
                return Err(self.raise_msg(Exc::TypeError, too_many_positional(&fname(), required, npos, given)));
            }
        }
        let posonly = &sig.positional[..sig.positional_only];
        if sig.varkw.is_none() && args.kw.iter().any(|(name, _)| posonly.iter().any(|p| *p.name == **name)) {
            let named: Vec<&str> = args
                .kw
                .iter()
                .filter(|(name, _)| posonly.iter().any(|p| *p.name == **name))
                .map(|(name, _)| &**name)
                .collect();
            let message = format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                fname(),
                named.join(", ")
            );
            return Err(self.raise_msg(Exc::TypeError, message));
        }
        let mut varkw = Dict::default();
        for (name, v) in args.kw {
            // A positional-only parameter's name passed by keyword goes to `**kwargs`.
            let slot = sig.positional[sig.positional_only..]
                .iter()
                .position(|p| *p.name == *name)
                .map(|i| i + sig.positional_only)
                .or_else(|| sig.keyword_only.iter().position(|p| *p.name == *name).map(|j| npos + j));
            match slot {
                Some(slot) => {
                    if !matches!(locals[slot], Value::Undefined) {
                        return Err(self.raise_msg(
                            Exc::TypeError,
                            format!("{}() got multiple values for argument '{name}'", fname()),
                        ));
                    }
                    locals[slot] = v;
                }
                None if sig.varkw.is_some() => {
                    varkw.insert(Key(Value::Str(name)), v);
                }
                None => {
                    let parameters: Vec<&str> = sig.positional[sig.positional_only..]
                        .iter()
                        .chain(&sig.keyword_only)
                        .map(|p| &*p.name)
                        .collect();
                    let message = crate::suggestions::unexpected_keyword(self, &fname(), &name, &parameters);
                    return Err(self.raise_msg(Exc::TypeError, message));
                }
            }
        }
        let first_default = npos - function.defaults.len().min(npos);
        let mut missing = Vec::new();
        for (i, slot) in locals.iter_mut().enumerate().take(npos) {
            if matches!(slot, Value::Undefined) {
                if i >= first_default {
                    *slot = function.defaults[i - first_default].clone();
                } else {
                    missing.push(sig.positional[i].name.clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(&fname(), "positional", &missing));
        }
        for j in 0..nkw {
            if matches!(locals[npos + j], Value::Undefined) {
                let name = &sig.keyword_only[j].name;
                match function.kw_defaults.iter().find(|(n, _)| **n == **name) {
                    Some((_, v)) => locals[npos + j] = v.clone(),
                    None => missing.push(name.clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(&fname(), "keyword-only", &missing));
        }
        let mut slot = npos + nkw;
        if sig.varargs.is_some() {
            locals[slot] = Value::tuple(extra);
            slot += 1;
        }
        if sig.varkw.is_some() {
            locals[slot] = Value::Dict(Rc::new(PyCell::new(varkw)));
        }
        Self::give_cells(code, function, &locals, frame);
        frame.set_locals(locals);
        Ok(())
    }

    /// Give a new frame its cells: its own cell variables (parameters captured by a closure
    /// start with the argument), then the function's free variables. Most functions have
    /// none, and their frame's empty vector is left alone (assigning an empty one was
    /// written to memory and read back by wider loads: a stall per call).
    #[inline]
    pub(crate) fn give_cells(
        code: &gilsim_bytecode::CodeObject,
        function: &Function,
        locals: &[Value],
        frame: &mut Frame,
    ) {
        if !(code.cell_names.is_empty() && function.closure.is_empty()) {
            frame.cells = Self::closure_cells(code, function, locals);
        }
    }

    /// The cells of a function with cells ([`Vm::give_cells`]).
    #[inline(never)]
    fn closure_cells(
        code: &gilsim_bytecode::CodeObject,
        function: &Function,
        locals: &[Value],
    ) -> Vec<Rc<PyCell<Value>>> {
        let mut cells: Vec<Rc<PyCell<Value>>> =
            (0..code.cell_names.len()).map(|_| Rc::new(PyCell::new(Value::Undefined))).collect();
        for &(cell, local) in &code.cell_params {
            *cells[cell as usize].borrow_mut() = locals[local as usize].clone();
        }
        cells.extend(function.closure.iter().cloned());
        cells
    }

    /// `f() missing 2 required positional arguments: 'a' and 'b'`.
    pub(crate) fn missing_args(&mut self, fname: &str, kind: &str, missing: &[String]) -> Control {
        let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            _ => format!("{}, and {}", quoted[..quoted.len() - 1].join(", "), quoted[quoted.len() - 1]),
        };
        let s = if missing.len() == 1 { "" } else { "s" };
        self.raise_msg(
            Exc::TypeError,
            format!("{fname}() missing {} required {kind} argument{s}: {list}", missing.len()),
        )
    }
}

/// Whether a call of `function` (whose code is `code`) with `given` positional arguments and
/// no keywords fills a prefix of its positional parameters, the rest having defaults: the
/// common call `f(a, b)` of `def f(a, b, c=1)`, bound by [`complete_locals`].
#[inline]
pub(crate) fn fills_positional_prefix(function: &Function, code: &gilsim_bytecode::CodeObject, given: usize) -> bool {
    let sig = &code.signature;
    let npos = sig.positional.len();
    given <= npos
        && given + function.defaults.len() >= npos
        && sig.keyword_only.is_empty()
        && sig.varargs.is_none()
        && sig.varkw.is_none()
}

/// Complete the locals of such a call, whose arguments are `values[base..]`: the defaults of
/// the parameters left, then unbound slots. Returns how many locals there are.
#[inline(always)]
pub(crate) fn complete_locals(
    values: &mut Vec<Value>,
    base: usize,
    function: &Function,
    code: &gilsim_bytecode::CodeObject,
) -> usize {
    let npos = code.signature.positional.len();
    let slots = code.local_names.len().max(npos);
    let given = values.len() - base;
    // Each step only when it has something to add: most calls give every parameter, and
    // many functions have no locals of their own.
    if given < npos {
        let defaults = &function.defaults[function.defaults.len() - (npos - given)..];
        values.extend(defaults.iter().cloned());
    }
    if values.len() < base + slots {
        // Not `resize`: its out-of-line clone loop costs more than these few slots.
        values.extend((values.len()..base + slots).map(|_| Value::Undefined));
    }
    slots
}

/// `f() takes 2 positional arguments but 3 were given` (CPython's message for a Python
/// function with `required` of `npos` positional parameters).
pub(crate) fn too_many_positional(fname: &str, required: usize, npos: usize, given: usize) -> String {
    let takes = if required == npos {
        format!("{npos} positional argument{}", if npos == 1 { "" } else { "s" })
    } else {
        format!("from {required} to {npos} positional arguments")
    };
    let were = if given == 1 { "was" } else { "were" };
    format!("{fname}() takes {takes} but {given} {were} given")
}
