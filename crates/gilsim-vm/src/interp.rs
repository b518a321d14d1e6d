//! The instruction loop ([`Vm::execute`], entered through [`Vm::run`], see [`crate::slice`]).
//! One call runs the current thread until its budget ends, a switch is requested at a switch
//! point, it needs the runtime, or it finishes (python-semantics.md §3:
//! in 3.10+ the eval breaker is checked at function entry, loop back-edges, and after calls
//! to non-Python callables other than `len`, `isinstance`, `type`; in ≤ 3.9 everywhere).

use crate::dict::Key;
use crate::footprint::{self, PyCell, Resource};
use crate::frame::{Block, BlockKind, Frame, ReturnMode};
use crate::fused;
use crate::memory;
use crate::native::{Args, Control};
use crate::shared::Place;
use crate::value::Value;
use crate::Exc;
use crate::{Gate, SliceEnd, Thread, Vm};
use gilsim_bytecode::{BinOp, Instr};
use std::rc::Rc;

type Step = Result<(), Control>;

macro_rules! pop {
    ($th:expr) => {
        $th.stack.pop().expect("value stack underflow (compiler invariant)")
    };
}

impl Vm {
    /// Run `th`'s instructions until the slice ends (see [`crate::slice_end`]) or, nested, until
    /// the frame it was entered for returns.
    pub(crate) fn execute(&mut self, th: &mut Thread) -> SliceEnd {
        let program = self.program.clone();
        let consts = self.consts.clone();
        let names = self.names.clone();
        let every = self.every_instruction;
        // A nested execution (a callback run to its end) never ends its slice early, and the
        // nesting level stays the same for the whole loop.
        let top_level = self.nested == 0;
        // The running frame's code object and its instructions, looked up again only when
        // another code's frame is on top: the chain program → codes → code → instructions is
        // a string of dependent loads on every instruction otherwise.
        let mut code_id = th.frames.last().map_or(0, |frame| frame.code);
        let mut code = &program.codes[code_id as usize];
        let mut instrs = &code.instrs[..];
        loop {
            let Some(frame) = th.frames.last_mut() else {
                return SliceEnd::Finished(Ok(Value::None));
            };
            if frame.code != code_id {
                code_id = frame.code;
                code = &program.codes[code_id as usize];
                instrs = &code.instrs;
            }
            // Read again after the step where it is needed (rarely): kept live across the
            // dispatch, its decoded fields were spilled to the machine stack on every
            // instruction.
            let mut at = frame.ip;
            let instr = instrs[at];
            frame.ip += 1;
            self.icount += 1;
            let mut check = every;
            let step: Step = match instr {
                Instr::Resume => {
                    check = true;
                    Ok(())
                }
                Instr::Nop => Ok(()),
                Instr::LoadConst(i) => {
                    th.stack.push(consts[frame.code as usize][i as usize].clone());
                    Ok(())
                }
                Instr::LoadFast(i) => match &th.stack[frame.base + i as usize] {
                    Value::Undefined => {
                        let name = code.local_names[i as usize].clone();
                        Err(self.unbound_local(&name))
                    }
                    v => {
                        let v = v.clone();
                        th.stack.push(v);
                        Ok(())
                    }
                },
                Instr::StoreFast(i) => {
                    let v = pop!(th);
                    th.stack[frame.base + i as usize] = v;
                    Ok(())
                }
                Instr::DeleteFast(i) => match std::mem::take(&mut th.stack[frame.base + i as usize]) {
                    Value::Undefined => {
                        let name = code.local_names[i as usize].clone();
                        Err(self.unbound_local(&name))
                    }
                    _ => Ok(()),
                },
                Instr::LoadDeref(i) => {
                    let v = frame.cells[i as usize].borrow().clone();
                    if let Value::Undefined = v {
                        Err(self.unbound_cell(code, i))
                    } else {
                        self.note_script_read(code);
                        if let Some(site) = self.site(code, frame.ip, th.tid) {
                            self.note_access(site, Place::Cell(&frame.cells[i as usize]), &v, false);
                        }
                        th.stack.push(v);
                        Ok(())
                    }
                }
                Instr::StoreDeref(i) => {
                    let v = pop!(th);
                    if let Some(site) = self.site(code, frame.ip, th.tid) {
                        self.note_access(site, Place::Cell(&frame.cells[i as usize]), &v, true);
                    }
                    *frame.cells[i as usize].borrow_mut() = v;
                    Ok(())
                }
                Instr::DeleteDeref(i) => {
                    if let Some(site) = self.site(code, frame.ip, th.tid) {
                        self.note_access(site, Place::Cell(&frame.cells[i as usize]), &Value::None, true);
                    }
                    let old = std::mem::take(&mut *frame.cells[i as usize].borrow_mut());
                    match old {
                        Value::Undefined => Err(self.unbound_cell(code, i)),
                        old => {
                            drop(old);
                            Ok(())
                        }
                    }
                }
                Instr::LoadClosure(i) => {
                    th.stack.push(Value::Cell(frame.cells[i as usize].clone()));
                    Ok(())
                }
                Instr::LoadGlobal(i) => {
                    let slot = i as usize;
                    footprint::note(Resource::Global(i), false);
                    let v = match &self.interp.globals[slot] {
                        Value::Undefined => self.builtin_fallback[slot].clone(),
                        v => {
                            let v = v.clone();
                            self.note_script_read(code);
                            if let Some(site) = self.site(code, frame.ip, th.tid) {
                                self.note_global(site, i, &v, false);
                            }
                            v
                        }
                    };
                    if let Value::Undefined = v {
                        Err(self.name_error(&program.global_names[slot]))
                    } else {
                        th.stack.push(v);
                        Ok(())
                    }
                }
                Instr::StoreGlobal(i) => {
                    let v = pop!(th);
                    if let Some(site) = self.site(code, frame.ip, th.tid) {
                        self.note_global(site, i, &v, true);
                    }
                    footprint::note(Resource::Global(i), true);
                    self.interp.globals[i as usize] = v;
                    Ok(())
                }
                Instr::DeleteGlobal(i) => {
                    footprint::note(Resource::Global(i), true);
                    if let Value::Undefined = self.interp.globals[i as usize] {
                        Err(self.name_error(&program.global_names[i as usize]))
                    } else {
                        self.interp.globals[i as usize] = Value::Undefined;
                        Ok(())
                    }
                }
                Instr::LoadName(i) => {
                    let name = names[frame.code as usize][i as usize].clone();
                    let local = frame
                        .namespace
                        .as_ref()
                        .and_then(|ns| ns.borrow().get(&Key(Value::Str(name.clone()))).cloned());
                    let module = program.codes[frame.code as usize].module;
                    match local.or_else(|| self.lookup_global_name(module, &name)) {
                        Some(v) => {
                            th.stack.push(v);
                            Ok(())
                        }
                        None => Err(self.name_error(&name)),
                    }
                }
                Instr::StoreName(i) => {
                    let name = names[frame.code as usize][i as usize].clone();
                    let v = pop!(th);
                    let ns = frame.namespace.as_ref().expect("class body has a namespace");
                    ns.borrow_mut().insert(Key(Value::Str(name)), v);
                    Ok(())
                }
                Instr::DeleteName(i) => {
                    let name = names[frame.code as usize][i as usize].clone();
                    let ns = frame.namespace.as_ref().expect("class body has a namespace");
                    let removed = ns.borrow_mut().shift_remove(&Key(Value::Str(name.clone())));
                    match removed {
                        Some(old) => {
                            drop(old);
                            Ok(())
                        }
                        None => Err(self.name_error(&name)),
                    }
                }
                Instr::LoadAttr(_) | Instr::LoadMethod(_) | Instr::StoreAttr(_) | Instr::DeleteAttr(_)
                    if self.gate != Gate::Open && is_shared(th.stack.last()) && self.gated() =>
                {
                    // Not run yet: the thread resumes at this instruction in its turn.
                    frame.ip -= 1;
                    self.icount -= 1;
                    return SliceEnd::Shared;
                }
                Instr::LoadAttr(i) => {
                    let name = &names[frame.code as usize][i as usize];
                    let obj = pop!(th);
                    let own = if code.module != 0 { self.library_own_attribute(&obj, name) } else { None };
                    match own {
                        Some(v) => {
                            th.stack.push(v);
                            Ok(())
                        }
                        None => {
                            let ip = frame.ip;
                            self.load_attribute(th, code, ip, &obj, name).map(|v| push_result(th, v))
                        }
                    }
                }
                Instr::LoadMethod(i) => {
                    let name = &names[frame.code as usize][i as usize];
                    let obj = pop!(th);
                    let ip = frame.ip;
                    match self.method_of(th, &obj, name) {
                        Ok(Some(method)) => {
                            push_result(th, obj);
                            push_result(th, method);
                            Ok(())
                        }
                        Ok(None) => {
                            // The empty receiver slot goes first: a Python getter's frame
                            // delivers the attribute on top of it.
                            push_result(th, Value::Undefined);
                            self.load_attribute(th, code, ip, &obj, name).map(|v| push_result(th, v))
                        }
                        Err(e) => Err(e),
                    }
                }
                Instr::StoreAttr(i) => {
                    let name = &names[frame.code as usize][i as usize];
                    let obj = pop!(th);
                    let value = pop!(th);
                    // Recorded once the store succeeded (a read-only property raises).
                    let noted = self
                        .site(code, frame.ip, th.tid)
                        .filter(|_| matches!(obj, Value::Instance(_) | Value::Class(_) | Value::Function(_)))
                        .map(|site| (site, value.clone()));
                    let stored = self.at_tail().set_attr(th, &obj, name, value);
                    if let (Ok(()), Some((site, value))) = (&stored, noted) {
                        self.note_attribute(site, &obj, name, &value, true);
                    }
                    stored
                }
                Instr::DeleteAttr(i) => {
                    let name = &names[frame.code as usize][i as usize];
                    let obj = pop!(th);
                    self.at_tail().del_attr(th, &obj, name)
                }
                Instr::LoadSubscr => {
                    let index = pop!(th);
                    let container = pop!(th);
                    let site = self.site(code, frame.ip, th.tid);
                    self.at_tail().get_item(th, &container, &index).map(|v| {
                        self.note_script_read(code);
                        if let Some(site) = site {
                            self.note_access(site, Place::Item(&container, &index), &v, false);
                        }
                        th.stack.push(v)
                    })
                }
                Instr::StoreSubscr => {
                    self.note_alloc(3 * memory::SLOT);
                    let index = pop!(th);
                    let container = pop!(th);
                    let value = pop!(th);
                    // Recorded once the store succeeded (an index out of range raises).
                    let noted = self.site(code, frame.ip, th.tid).map(|site| (site, index.clone(), value.clone()));
                    let stored = self.at_tail().set_item(th, &container, index, value);
                    if let (Ok(()), Some((site, index, value))) = (&stored, noted) {
                        self.note_access(site, Place::Item(&container, &index), &value, true);
                    }
                    stored
                }
                Instr::DeleteSubscr => {
                    let index = pop!(th);
                    let container = pop!(th);
                    self.at_tail().del_item(th, &container, &index)
                }
                Instr::BuildSlice(n) => {
                    let step = if n == 3 { pop!(th) } else { Value::None };
                    let stop = pop!(th);
                    let start = pop!(th);
                    th.stack.push(Value::Slice(Rc::new([start, stop, step])));
                    Ok(())
                }
                Instr::Binary(op) | Instr::Inplace(op) => {
                    let b = pop!(th);
                    let a = pop!(th);
                    // Fast paths for the hot integer cases.
                    let fast = match (&a, &b, op) {
                        (Value::Int(x), Value::Int(y), BinOp::Add) => x.checked_add(*y).map(Value::Int),
                        (Value::Int(x), Value::Int(y), BinOp::Sub) => x.checked_sub(*y).map(Value::Int),
                        _ => None,
                    };
                    match fast {
                        Some(v) => {
                            fused::push_or_store(frame, &mut th.stack, v, instrs, &mut self.icount, &mut at);
                            Ok(())
                        }
                        None => {
                            let inplace = matches!(instr, Instr::Inplace(_));
                            let next = instrs.get(at + 1).copied();
                            self.binary_other(th, op, a, b, inplace, next).map(|v| th.stack.push(v))
                        }
                    }
                }
                Instr::Unary(op) => {
                    let a = pop!(th);
                    self.at_tail().unary_op(th, op, a).map(|v| th.stack.push(v))
                }
                Instr::Compare(op) => {
                    let b = pop!(th);
                    let a = pop!(th);
                    let fast = match (&a, &b) {
                        (Value::Int(x), Value::Int(y)) => Some(crate::ops::cmp_ord(op, x.cmp(y))),
                        _ => None,
                    };
                    match fast {
                        Some(r) => {
                            fused::push_or_branch(frame, &mut th.stack, r, instrs, &mut self.icount, &mut at);
                            Ok(())
                        }
                        None => self.at_tail().compare(th, op, &a, &b).map(|v| th.stack.push(v)),
                    }
                }
                Instr::Is(negate) => {
                    let b = pop!(th);
                    let a = pop!(th);
                    th.stack.push(Value::bool(a.is(&b) != negate));
                    Ok(())
                }
                Instr::Contains(negate) => {
                    let container = pop!(th);
                    let item = pop!(th);
                    if let (Value::Instance(_), Some(m)) = (&container, self.user_method(&container, "__contains__")) {
                        // A Python `__contains__` runs as a frame of the thread (see crate::hooks).
                        let then = crate::hooks::Then::Truth { negate };
                        Err(crate::hooks::Hook::control(m, vec![container, item], then))
                    } else {
                        self.contains(th, &container, &item).map(|r| th.stack.push(Value::bool(r != negate)))
                    }
                }
                Instr::Pop => {
                    pop!(th);
                    Ok(())
                }
                Instr::Dup => {
                    let v = th.stack.last().expect("stack").clone();
                    th.stack.push(v);
                    Ok(())
                }
                Instr::Dup2 => {
                    let n = th.stack.len();
                    let (a, b) = (th.stack[n - 2].clone(), th.stack[n - 1].clone());
                    th.stack.push(a);
                    th.stack.push(b);
                    Ok(())
                }
                Instr::Rot2 => {
                    let n = th.stack.len();
                    th.stack.swap(n - 1, n - 2);
                    Ok(())
                }
                Instr::Rot3 => {
                    let top = pop!(th);
                    let n = th.stack.len();
                    th.stack.insert(n - 2, top);
                    Ok(())
                }
                Instr::Jump(t) => {
                    frame.ip = t as usize;
                    Ok(())
                }
                Instr::JumpBackward(t) => {
                    frame.ip = t as usize;
                    check = true;
                    Ok(())
                }
                Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                    let v = pop!(th);
                    let want = matches!(instr, Instr::PopJumpIfTrue(_));
                    let hook = self.branch_hook(&v, t, want, false);
                    let truth = match (v, hook) {
                        // A Python `__bool__` runs as a frame of the thread (see crate::hooks).
                        (_, Some(hook)) => Err(Control::Hook(Box::new(hook))),
                        (Value::Bool(b), None) => Ok(b.get()),
                        (other, None) => self.truthy(th, &other),
                    };
                    truth.map(|truth| {
                        if truth == want {
                            th.frames.last_mut().expect("frame").ip = t as usize;
                        }
                    })
                }
                Instr::JumpIfFalseOrPop(t) | Instr::JumpIfTrueOrPop(t) => {
                    let v = th.stack.last().expect("stack").clone();
                    let want = matches!(instr, Instr::JumpIfTrueOrPop(_));
                    match self.branch_hook(&v, t, want, true) {
                        // A Python `__bool__` runs as a frame of the thread (see crate::hooks).
                        Some(hook) => Err(Control::Hook(Box::new(hook))),
                        None => self.truthy(th, &v).map(|truth| {
                            let frame = th.frames.last_mut().expect("frame");
                            if truth == want {
                                frame.ip = t as usize;
                            } else {
                                th.stack.pop();
                            }
                        }),
                    }
                }
                Instr::GetIter => {
                    let v = pop!(th);
                    self.at_tail().get_iter(th, v).map(|it| th.stack.push(it))
                }
                Instr::ForIter(t) => {
                    let small = match th.stack.last() {
                        Some(Value::Iterator(it)) => it.borrow_mut().next_small_int(),
                        _ => None,
                    };
                    match small {
                        Some(i) => {
                            fused::push_or_store(
                                frame,
                                &mut th.stack,
                                Value::Int(i),
                                instrs,
                                &mut self.icount,
                                &mut at,
                            );
                            Ok(())
                        }
                        None => self.for_iter(th, t),
                    }
                }
                Instr::BuildTuple(n) => {
                    self.note_alloc(u64::from(n) * memory::SLOT);
                    let items = th.stack.split_off(th.stack.len() - n as usize);
                    th.stack.push(Value::tuple(items));
                    Ok(())
                }
                Instr::BuildList(n) => {
                    self.note_alloc(u64::from(n) * memory::SLOT);
                    let items = th.stack.split_off(th.stack.len() - n as usize);
                    th.stack.push(Value::list(items));
                    Ok(())
                }
                Instr::BuildSet(n) => {
                    self.note_alloc(u64::from(n) * 2 * memory::SLOT);
                    let items = th.stack.split_off(th.stack.len() - n as usize);
                    self.new_set(th, items).map(|s| th.stack.push(s))
                }
                Instr::BuildConstSet { count, merged } => {
                    self.note_alloc(u64::from(count) * 2 * memory::SLOT);
                    let items = th.stack.split_off(th.stack.len() - count as usize);
                    self.new_const_set(th, items, merged).map(|s| th.stack.push(s))
                }
                Instr::BuildMap(n) => {
                    self.note_alloc(u64::from(n) * 3 * memory::SLOT);
                    let items = th.stack.split_off(th.stack.len() - 2 * n as usize);
                    let mut dict = crate::dict::Dict::default();
                    let mut result = Ok(());
                    for pair in items.chunks(2) {
                        match self.key(th, pair[0].clone()) {
                            Ok(k) => {
                                dict.insert(k, pair[1].clone());
                            }
                            Err(e) => {
                                result = Err(e);
                                break;
                            }
                        }
                    }
                    result.map(|()| th.stack.push(Value::Dict(Rc::new(PyCell::new(dict)))))
                }
                Instr::ListAppend(depth) => {
                    self.note_alloc(memory::SLOT);
                    let v = pop!(th);
                    let n = th.stack.len();
                    match &th.stack[n - depth as usize] {
                        Value::List(list) => list.borrow_mut().push(v),
                        _ => panic!("ListAppend target is not a list"),
                    }
                    Ok(())
                }
                Instr::SetAdd(depth) => {
                    self.note_alloc(2 * memory::SLOT);
                    let v = pop!(th);
                    let n = th.stack.len();
                    let target = th.stack[n - depth as usize].clone();
                    match (target, self.key(th, v)) {
                        (Value::Set(set), Ok(k)) => {
                            set.borrow_mut().insert(k);
                            Ok(())
                        }
                        (_, Err(e)) => Err(e),
                        _ => panic!("SetAdd target is not a set"),
                    }
                }
                Instr::MapAdd(depth) => {
                    self.note_alloc(3 * memory::SLOT);
                    let v = pop!(th);
                    let k = pop!(th);
                    let n = th.stack.len();
                    let target = th.stack[n - depth as usize].clone();
                    match (target, self.key(th, k)) {
                        (Value::Dict(d), Ok(k)) => {
                            d.borrow_mut().insert(k, v);
                            Ok(())
                        }
                        (_, Err(e)) => Err(e),
                        _ => panic!("MapAdd target is not a dict"),
                    }
                }
                Instr::ListExtend { call } => {
                    let iterable = pop!(th);
                    self.list_extend(th, iterable, call)
                }
                Instr::SetUpdate => {
                    let iterable = pop!(th);
                    self.set_update_top(th, iterable)
                }
                Instr::DictMerge => {
                    let mapping = pop!(th);
                    self.dict_merge(th, mapping)
                }
                Instr::DictUpdate => {
                    let mapping = pop!(th);
                    self.dict_update_top(th, mapping)
                }
                Instr::ListToTuple => {
                    let Value::List(list) = pop!(th) else { panic!("ListToTuple on a non-list") };
                    // The list the compiler built for `f(*a, *b)` is the stack's alone: its items
                    // move into the tuple.
                    let items = match Rc::try_unwrap(list) {
                        Ok(list) => list.into_read_contents(),
                        Err(list) => list.borrow().clone(),
                    };
                    th.stack.push(Value::tuple(items));
                    Ok(())
                }
                Instr::UnpackSequence(n) => {
                    let v = pop!(th);
                    self.unpack(th, v, n as usize, None)
                }
                Instr::UnpackEx { before, after } => {
                    let v = pop!(th);
                    self.unpack(th, v, before as usize, Some(after as usize))
                }
                Instr::Call(argc) => self.call_instr(th, argc as usize).map(|switch_point| check |= switch_point),
                Instr::CallMethod(argc) => {
                    self.call_method_instr(th, argc as usize).map(|switch_point| check |= switch_point)
                }
                Instr::CallKw { argc, names: names_const } => {
                    // The names are the image's interned strs (CPython's are interned too):
                    // a call allocates no name.
                    let Value::Tuple(kw_names) = &consts[frame.code as usize][names_const as usize] else {
                        panic!("CallKw names must be a tuple constant")
                    };
                    let first_kw = th.stack.len() - kw_names.len();
                    let kw = kw_names
                        .iter()
                        .zip(th.stack.drain(first_kw..))
                        .map(|(name, v)| match name {
                            Value::Str(s) => (s.clone(), v),
                            _ => panic!("keyword name must be a string"),
                        })
                        .collect();
                    let values = th.stack.split_off(first_kw - (argc as usize - kw_names.len()));
                    let callable = pop!(th);
                    self.invoke(th, callable, Args { pos: values, kw }, ReturnMode::Push)
                        .map(|invoked| deliver(th, invoked, &mut check))
                }
                Instr::CallEx { spread } => {
                    let kwargs = pop!(th);
                    let args = pop!(th);
                    let callable = pop!(th);
                    self.call_ex(th, callable, args, kwargs, spread).map(|invoked| deliver(th, invoked, &mut check))
                }
                Instr::MakeFunction { code: c, flags } => {
                    let function = crate::make_function::make_function(&program, code, &mut th.stack, c, flags);
                    th.stack.push(function);
                    Ok(())
                }
                Instr::BuildClass => {
                    let keywords = pop!(th);
                    let bases = pop!(th);
                    let name = pop!(th);
                    let body = pop!(th);
                    self.build_class(th, body, name, bases, keywords)
                }
                Instr::LoadSuperArgs if self.options.python.major == 2 && !self.program.is_library(frame.code) => {
                    // Python 2 has no argument-less `super()`.
                    Err(self.raise_msg(Exc::TypeError, "super() takes at least 1 argument (0 given)"))
                }
                Instr::LoadSuperArgs => {
                    let owner = frame.function.as_ref().and_then(|f| f.owner.borrow().clone());
                    let first = (frame.nlocals > 0).then(|| th.stack[frame.base].clone());
                    match (owner, first) {
                        (Some(class), Some(obj)) if !matches!(obj, Value::Undefined) => {
                            th.stack.push(Value::Class(class));
                            th.stack.push(obj);
                            Ok(())
                        }
                        _ => Err(self.raise_msg(Exc::RuntimeError, "super(): no arguments")),
                    }
                }
                Instr::Return => {
                    let value = pop!(th);
                    match self.return_from_frame(th, value) {
                        Ok(Some(end)) => {
                            // The thread's last frame went: its locals die on this thread.
                            if crate::finalizers::any_pending() {
                                self.run_finalizers(th);
                            }
                            if self.tracing {
                                return self.trace_ended(th, end);
                            }
                            return end;
                        }
                        Ok(None) => Ok(()),
                        Err(e) => Err(e),
                    }
                }
                Instr::YieldValue => {
                    let value = pop!(th);
                    if let Some(end) = self.yield_value(th, value) {
                        return end;
                    }
                    // CPython 3.11+ resumes the caller after RESUME: a switch point.
                    check = true;
                    Ok(())
                }
                Instr::Send(exit) => self.yield_from_send(th, exit),
                Instr::Raise(0) if self.tracing => match self.traced_reraise(th, None) {
                    Some(end) => return end,
                    None => continue,
                },
                Instr::Raise(0) => match self.reraise_handled(th) {
                    Ok(Some(end)) => return end,
                    Ok(None) => continue,
                    Err(error) => Err(error),
                },
                Instr::Raise(n) => Err(self.do_raise(th, n == 2)),
                Instr::Reraise => {
                    let exc = pop!(th);
                    if self.tracing {
                        match self.traced_reraise(th, Some(exc)) {
                            Some(end) => return end,
                            None => continue,
                        }
                    }
                    if let Some(end) = self.unwind(th, exc, false) {
                        return end;
                    }
                    continue;
                }
                Instr::SetupExcept(t) | Instr::SetupFinally(t) => {
                    let depth = th.stack.len() - frame.base;
                    self.spare.ready_blocks(&mut frame.blocks);
                    frame.blocks.push(Block { kind: BlockKind::Handler, handler: t, depth });
                    Ok(())
                }
                Instr::PopBlock => {
                    frame.blocks.pop();
                    Ok(())
                }
                Instr::PushExcInfo => {
                    let exc = th.stack.last().expect("exception").clone();
                    frame.blocks.push(Block {
                        kind: BlockKind::ExceptBody,
                        handler: 0,
                        depth: th.stack.len() - 1 - frame.base,
                    });
                    th.handled.push(exc);
                    Ok(())
                }
                Instr::PopExcept => {
                    let popped = frame.blocks.pop();
                    debug_assert!(matches!(popped, Some(Block { kind: BlockKind::ExceptBody, .. })));
                    th.handled.pop();
                    Ok(())
                }
                Instr::CheckExcMatch => {
                    let pattern = pop!(th);
                    let exc = pop!(th);
                    self.exception_matches(&exc, &pattern).map(|m| th.stack.push(Value::bool(m)))
                }
                Instr::BeforeWith => {
                    let manager = pop!(th);
                    self.before_with(th, manager)
                }
                Instr::EndAsyncFor => match self.end_async_for(th) {
                    None => Ok(()),
                    Some(exc) => {
                        if let Some(end) = self.unwind(th, exc, false) {
                            return end;
                        }
                        continue;
                    }
                },
                Instr::BeforeAsyncWith => self.before_async_with(th),
                Instr::GetAwaitable => self.get_awaitable(th),
                Instr::GetAIter => self.get_aiter(th),
                Instr::GetANext => self.get_anext(th),
                Instr::AsyncGenYield => match self.async_gen_yield(th) {
                    Ok(Some(end)) => return end,
                    Ok(None) => {
                        check = true;
                        Ok(())
                    }
                    Err(e) => Err(e),
                },
                Instr::WithExit { exceptional } => {
                    // Room for the receiver of the bound `__exit__`, which goes first.
                    let mut args = self.spare.take(4);
                    let exit = if exceptional {
                        let n = th.stack.len();
                        let exc = th.stack[n - 1].clone();
                        args.extend([Value::Class(self.class_of(&exc)), exc, Value::None]);
                        th.stack[n - 2].clone()
                    } else {
                        args.extend([Value::None, Value::None, Value::None]);
                        th.stack.last().expect("exit").clone()
                    };
                    self.invoke(th, exit, Args::new(args), ReturnMode::Push)
                        .map(|invoked| deliver(th, invoked, &mut check))
                }
                Instr::WithExitCheck => {
                    let result = pop!(th);
                    let exc = pop!(th);
                    pop!(th);
                    match self.truthy(th, &result) {
                        Ok(true) => Ok(()),
                        Ok(false) => {
                            if let Some(end) = self.unwind(th, exc, false) {
                                return end;
                            }
                            continue;
                        }
                        Err(e) => Err(e),
                    }
                }
                Instr::FormatValue { conversion, spec } => {
                    let spec = if spec { Some(pop!(th)) } else { None };
                    let value = pop!(th);
                    self.at_tail().format_value(th, value, conversion, spec).map(|s| th.stack.push(s))
                }
                Instr::BuildString(n) => {
                    let s = join_top(&mut th.stack, n as usize);
                    self.note_alloc(s.len() as u64);
                    th.stack.push(Value::str(&s));
                    Ok(())
                }
                Instr::ImportName(i) => {
                    let name = names[frame.code as usize][i as usize].clone();
                    self.import_module(th, &name).map(|m| th.stack.push(m))
                }
                Instr::ImportFrom(i) => {
                    let name = names[frame.code as usize][i as usize].clone();
                    let module = pop!(th);
                    self.import_from(th, &module, &name).map(|v| th.stack.push(v))
                }
                Instr::ImportStar => {
                    let module = pop!(th);
                    self.import_star(th, code.module, &module)
                }
                Instr::RaiseAssertion => {
                    let msg = pop!(th);
                    let args = if msg.is_none() { vec![] } else { vec![msg] };
                    Err(Control::Raise(self.new_exception_args(Exc::AssertionError, args)))
                }
            };
            if let Err(control) = step {
                if self.tracing {
                    match self.traced_failure(th, control, instrs[at]) {
                        Some(end) => return end,
                        None => continue,
                    }
                }
                if let Some(end) = self.handle_control(th, control) {
                    return end;
                }
                continue;
            }
            if self.icount >= crate::slice_end::attention_at() {
                if let Some(end) = self.attend(th, instrs[at], check, top_level) {
                    return end;
                }
            }
        }
    }

    /// `UnpackSequence`/`UnpackEx`. Out of the interpreter loop, whose registers would
    /// otherwise pay for its paths on every instruction.
    #[inline(never)]
    fn unpack(&mut self, th: &mut Thread, value: Value, before: usize, after: Option<usize>) -> Step {
        let limit = if after.is_none() { Some(before + 1) } else { None };
        let items = self.unpack_items(th, &value, limit)?;
        match after {
            None => {
                if items.len() != before {
                    let got = items.len();
                    let message = match (got > before, self.options.python.major == 2) {
                        (true, false) => format!("too many values to unpack (expected {before})"),
                        (false, false) => format!("not enough values to unpack (expected {before}, got {got})"),
                        (true, true) => "too many values to unpack".to_string(),
                        (false, true) => {
                            format!("need more than {got} value{} to unpack", if got == 1 { "" } else { "s" })
                        }
                    };
                    return Err(self.raise_msg(Exc::ValueError, message));
                }
                th.stack.extend(items.into_iter().rev());
            }
            Some(after) => {
                if items.len() < before + after {
                    let message = format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    );
                    return Err(self.raise_msg(Exc::ValueError, message));
                }
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(before);
                th.stack.extend(tail.into_iter().rev());
                th.stack.push(Value::list(middle));
                th.stack.extend(items.into_iter().rev());
            }
        }
        Ok(())
    }
}

/// `BuildString`: the top `n` values (strs) joined where they lie on the stack, into text
/// of their total length, and popped. Out of line: the interpreter loop's other arms keep
/// their registers.
#[inline(never)]
fn join_top(stack: &mut Vec<Value>, n: usize) -> String {
    let start = stack.len() - n;
    let text = |value: &Value| match value {
        Value::Str(text) => text.len(),
        _ => 0,
    };
    let mut joined = String::with_capacity(stack[start..].iter().map(text).sum());
    for part in &stack[start..] {
        if let Value::Str(part) = part {
            joined.push_str(part);
        }
    }
    stack.truncate(start);
    joined
}

/// The outcome of starting a call.
pub(crate) enum Invoked {
    /// The call completed with a value; the flag says whether it skips the 3.10+ eval-breaker
    /// check (len/isinstance/type) — Python-level returns never check here.
    Returned(Value, bool),
    /// A Python frame was pushed; its return will deliver the value.
    Pushed,
}

/// Push a completed call's value; a native call's return is a switch point unless it is
/// one of the non-checking specialisations (3.10+).
fn deliver(th: &mut Thread, invoked: Invoked, check: &mut bool) {
    *check |= delivered(th, invoked);
}

/// [`deliver`], returning whether the return is a switch point to check.
#[inline]
pub(crate) fn delivered(th: &mut Thread, invoked: Invoked) -> bool {
    match invoked {
        Invoked::Returned(v, no_switch) => {
            push_result(th, v);
            !no_switch
        }
        Invoked::Pushed => false,
    }
}

/// Deliver a value to the current frame.
pub(crate) fn push_result(th: &mut Thread, value: Value) {
    if !th.frames.is_empty() {
        th.stack.push(value);
    }
}

impl Frame {
    /// For a class body: a frame whose names live in `namespace`.
    pub(crate) fn with_namespace(mut self, namespace: Rc<PyCell<crate::dict::Dict>>) -> Frame {
        self.namespace = Some(namespace);
        self
    }
}

/// An object in shared memory (see [`crate::value::Class::is_shared_memory`]): its
/// attributes are what other processes see.
fn is_shared(obj: Option<&Value>) -> bool {
    matches!(obj, Some(Value::Instance(inst)) if inst.class.is_shared_memory())
}
