//! Calls (argument binding is [`crate::bind`]), instantiation, attribute access, classes,
//! `with`, imports.

use crate::bind::fills_positional_prefix;
use crate::dict::{Dict, Key, Name};
use crate::footprint::PyCell;
use crate::frame::{PendingCall, ReturnMode};
use crate::hooks::Then;
use crate::interp::{delivered, push_result, Invoked};
use crate::native::{Args, Control, NResult, NativeFn};
use crate::value::{BuiltinKind, Class, Descriptor, DescriptorKind, Hooks, Instance, Slot, Str, Value};
use crate::Exc;
use crate::{SliceEnd, Thread, Vm};
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    /// Start calling `callable`. Python functions get a frame (returning per `mode`).
    pub(crate) fn invoke(
        &mut self,
        th: &mut Thread,
        mut callable: Value,
        mut args: Args,
        mode: ReturnMode,
    ) -> Result<Invoked, Control> {
        // A bound method's receiver goes before the arguments, in place: handing the
        // arguments to a recursive call copied them, by wider loads than the stores that had
        // just written their length (a store-forwarding stall per call of a bound method).
        while let Value::BoundMethod(m) = &callable {
            let (receiver, function) = (m.0.clone(), m.1.clone());
            self.prepend_receiver(&mut args, receiver);
            callable = function;
        }
        match callable {
            Value::Function(f) if f.is_generator => {
                let frame = self.bind_arguments(f, args, ReturnMode::Push)?;
                Ok(Invoked::Returned(self.make_generator(th, frame)?, false))
            }
            Value::Function(f) => {
                self.push_function_frame(th, f, args, mode)?;
                Ok(Invoked::Pushed)
            }
            Value::BoundMethod(_) => unreachable!("bound methods are unwrapped above"),
            Value::Native(n) if n.receiver && args.pos.is_empty() => {
                Err(self.raise_msg(Exc::TypeError, format!("unbound method {}() needs an argument", n.name)))
            }
            Value::Native(n) if n.shared && matches!(mode, ReturnMode::Push) && self.gated() => {
                th.pending_call = Some(PendingCall::Call(callable, args));
                Err(Control::Shared)
            }
            Value::Native(n) => match self.call_native(th, n, args) {
                Ok(v) => {
                    discard(mode);
                    Ok(Invoked::Returned(v, n.no_switch))
                }
                Err(control) => self.after_native(th, control, mode),
            },
            Value::Class(c) => match c.metaclass.as_ref().and_then(|m| crate::class::python_method(m, "__call__")) {
                Some(call) => {
                    args.pos.insert(0, Value::Class(c));
                    self.invoke(th, call, args, mode)
                }
                None => self.instantiate(th, c, args, mode),
            },
            Value::Instance(ref inst) => match inst.class.lookup("__call__") {
                Some(call) => {
                    args.pos.insert(0, callable.clone());
                    self.invoke(th, call, args, mode)
                }
                None => Err(self.not_callable(&callable)),
            },
            other => Err(self.not_callable(&other)),
        }
    }

    /// A call instruction's call, its result pushed. A native that needs no gate runs here
    /// without [`Vm::invoke`]'s dispatch (most calls of a script's loops are `append`,
    /// `len`, `get`), and a Python function gets its frame here. Returns whether the return
    /// is a switch point to check (see [`delivered`]).
    #[inline(always)]
    pub(crate) fn call_pushing(&mut self, th: &mut Thread, callable: Value, args: Vec<Value>) -> Result<bool, Control> {
        match callable {
            // Not a shared native (it may have to wait for the gate), nor a method called
            // without its receiver (invoke raises).
            Value::Native(n) if !(n.shared || n.receiver && args.is_empty()) => {
                match self.call_native(th, n, Args::new(args)) {
                    Ok(v) => {
                        push_result(th, v);
                        Ok(!n.no_switch)
                    }
                    Err(control) => {
                        self.after_native(th, control, ReturnMode::Push).map(|invoked| delivered(th, invoked))
                    }
                }
            }
            Value::Function(f) if !f.is_generator => {
                self.push_function_frame(th, f, Args::new(args), ReturnMode::Push)?;
                Ok(false)
            }
            callable => {
                self.invoke(th, callable, Args::new(args), ReturnMode::Push).map(|invoked| delivered(th, invoked))
            }
        }
    }

    /// `Call(argc)`: the callable under its `argc` arguments on the running frame's stack.
    /// Out of the interpreter loop, whose registers would otherwise pay for the call's
    /// paths on every instruction. Returns whether the return is a switch point to check.
    #[inline(never)]
    pub(crate) fn call_instr(&mut self, th: &mut Thread, argc: usize) -> Result<bool, Control> {
        let stack = &mut th.stack;
        let first = stack.len() - argc;
        if let Some(switch_point) = self.fast_call(stack, first - 1, first) {
            return Ok(switch_point);
        }
        if self.binds_in_place(&stack[first - 1], argc) {
            let function = take_function(stack.remove(first - 1));
            return self.enter_in_place(th, function, first - 1, ReturnMode::Push).map(|()| false);
        }
        // Room for a bound method's receiver, which goes first.
        let mut args = self.spare.take(argc + 1);
        move_top(stack, argc, &mut args);
        let callable = stack.pop().expect("the callable under its arguments (compiler invariant)");
        self.call_pushing(th, callable, args)
    }

    /// `CallMethod(argc)`: `LoadMethod`'s receiver (or an empty slot) and callable under the
    /// `argc` arguments.
    #[inline(never)]
    pub(crate) fn call_method_instr(&mut self, th: &mut Thread, argc: usize) -> Result<bool, Control> {
        let stack = &mut th.stack;
        let first = stack.len() - argc;
        if let Some(switch_point) = self.fast_method_call(stack, first) {
            return Ok(switch_point);
        }
        let receiver = !matches!(stack[first - 2], Value::Undefined);
        if self.binds_in_place(&stack[first - 1], argc + usize::from(receiver)) {
            let function = take_function(stack.remove(first - 1));
            if !receiver {
                stack.remove(first - 2);
            }
            return self.enter_in_place(th, function, first - 2, ReturnMode::Push).map(|()| false);
        }
        let mut args = self.spare.take(argc + 1);
        let callable = std::mem::take(&mut stack[first - 1]);
        match std::mem::take(&mut stack[first - 2]) {
            Value::Undefined => {}
            receiver => args.push(receiver),
        }
        move_top(stack, argc, &mut args);
        pop_emptied(stack, 2);
        self.call_pushing(th, callable, args)
    }

    /// Whether `callable`, called with `given` positional arguments on the stack, is a Python
    /// function whose frame takes them where they lie ([`Vm::enter_in_place`]).
    #[inline(always)]
    fn binds_in_place(&self, callable: &Value, given: usize) -> bool {
        matches!(callable, Value::Function(f)
            if !f.is_generator && fills_positional_prefix(f, &self.program.codes[f.code as usize], given))
    }

    /// The fast path (see [`crate::native::FastImpl`]) of a call of `stack[callable]` on
    /// `stack[args..]`, if the callable is a native with one and the case is one it handles:
    /// the callable and its arguments are replaced by the value; returns whether the return
    /// is a switch point to check.
    #[inline(always)]
    fn fast_call(&mut self, stack: &mut Vec<Value>, callable: usize, args: usize) -> Option<bool> {
        let Value::Native(native) = stack[callable] else { return None };
        let value = native.fast?(self, &stack[args..])?;
        stack.truncate(callable);
        stack.push(value);
        Some(!native.no_switch)
    }

    /// [`Vm::fast_call`] of a `CallMethod` whose arguments start at `first`, below them the
    /// callable and, below it, the receiver or an empty slot. For the fast path to read the
    /// receiver and its arguments as one slice, the two swap places (and swap back when the
    /// full native is to run).
    #[inline(always)]
    fn fast_method_call(&mut self, stack: &mut Vec<Value>, first: usize) -> Option<bool> {
        let Value::Native(native) = stack[first - 1] else { return None };
        native.fast?;
        let args = if let Value::Undefined = stack[first - 2] { first } else { first - 1 };
        stack.swap(first - 2, first - 1);
        let called = self.fast_call(stack, first - 2, args);
        if called.is_none() {
            stack.swap(first - 2, first - 1);
        }
        called
    }

    /// Carry out what a native asked for instead of returning a value: a call, a hook, an
    /// instantiation or a generator's resumption, its result delivered per `mode`.
    fn after_native(&mut self, th: &mut Thread, control: Control, mode: ReturnMode) -> Result<Invoked, Control> {
        match control {
            Control::Call(call) => self.invoke(th, call.callable, call.args, mode),
            Control::Hook(hook) => self.invoke_hook(th, *hook, &mode),
            Control::Instantiate(call) => {
                let (class, args) = *call;
                self.instantiate(th, class, args, mode)
            }
            Control::Resume { mut frame, throw } => {
                if th.frames.len() >= self.interp.recursion_limit {
                    Vm::generator_ended(&frame);
                    return Err(self.raise_msg(Exc::RecursionError, "maximum recursion depth exceeded"));
                }
                frame.return_mode = mode;
                Vm::restore_handled(th, &frame);
                th.push_frame(*frame);
                match throw {
                    Some(control) => Err(*control),
                    None => Ok(Invoked::Pushed),
                }
            }
            e => Err(e),
        }
    }

    /// Run a native on arguments it borrows, then keep their vector for the next call (most
    /// natives only read their arguments: CPython's METH_FASTCALL passes them as a borrowed
    /// array for the same reason).
    #[inline(always)]
    fn call_native(&mut self, th: &mut Thread, native: &NativeFn, mut args: Args) -> NResult {
        if native.receiver
            && matches!(args.pos.first(), Some(Value::Instance(inst)) if matches!(inst.slot, Slot::Builtin(_)))
        {
            self.unwrap_immutable_receiver(native, &mut args);
        }
        let result = (native.func)(self, th, &mut args);
        self.spare.give(args.into_positional());
        result
    }

    /// Put a bound method's receiver before the arguments. A full vector is replaced by one
    /// from the spare pool rather than reallocated (most arguments arrive in exact-size ones).
    fn prepend_receiver(&mut self, args: &mut Args, receiver: Value) {
        let needed = args.pos.len() + 1;
        self.spare.make_room(&mut args.pos, needed);
        args.pos.insert(0, receiver);
    }

    fn not_callable(&mut self, v: &Value) -> Control {
        self.raise_msg(Exc::TypeError, format!("'{}' object is not callable", crate::builtins::type_name_of(v)))
    }

    /// Call and push the result onto the current frame (used to start a thread).
    pub(crate) fn call_and_push(&mut self, th: &mut Thread, callable: Value, args: Args) -> Result<(), Control> {
        match self.invoke(th, callable, args, ReturnMode::Push)? {
            Invoked::Returned(v, _) => push_result(th, v),
            Invoked::Pushed => {}
        }
        Ok(())
    }

    /// Call from native code and wait for the result, running a nested interpreter loop for
    /// Python callables (switches are suppressed inside; blocking raises RuntimeError).
    pub(crate) fn call_nested(&mut self, th: &mut Thread, callable: Value, args: Args) -> Result<Value, Control> {
        if self.nested >= crate::MAX_NESTED_LOOPS {
            return Err(self.raise_msg(Exc::RecursionError, "maximum recursion depth exceeded"));
        }
        match self.invoke(th, callable, args, ReturnMode::Nested)? {
            Invoked::Returned(v, _) => Ok(v),
            Invoked::Pushed => self.run_nested_frame(th),
        }
    }

    /// Run the `ReturnMode::Nested` frame on top of `th` to its end, switches suppressed, and
    /// give its result (used by [`Vm::call_nested`] and to load library modules).
    pub(crate) fn run_nested_frame(&mut self, th: &mut Thread) -> Result<Value, Control> {
        self.nested += 1;
        let end = self.execute(th);
        self.nested -= 1;
        match end {
            SliceEnd::Finished(Ok(v)) => Ok(v),
            SliceEnd::Finished(Err(e)) => Err(Control::Raise(e)),
            SliceEnd::Request(_) | SliceEnd::Breaker | SliceEnd::Budget | SliceEnd::Shared => {
                Err(self.raise_msg(Exc::RuntimeError, "gilsim: unexpected suspension inside a nested call"))
            }
        }
    }

    /// `Class(*args)`; `mode`: how the caller takes the instance (a native calling back
    /// into Python runs `__init__` in a nested loop of its own).
    fn instantiate(
        &mut self,
        th: &mut Thread,
        class: Rc<Class>,
        args: Args,
        mode: ReturnMode,
    ) -> Result<Invoked, Control> {
        let builtin = self.builtin_ancestor(&class);
        let class = if builtin.kind == BuiltinKind::BaseException {
            let class = self.os_error_class(class, &args.pos);
            self.exception_group_class(class, &args)?
        } else {
            class
        };
        self.check_not_abstract(&class)?;
        if class.kind == BuiltinKind::Type && !Rc::ptr_eq(&class, &self.types.type_) {
            // `Meta(name, bases, namespace)`: a class made by a metaclass called directly.
            return self.call_metaclass(th, class, args).map(|made| Invoked::Returned(made, false));
        }
        if builtin.kind == BuiltinKind::Object && class.has_hook(Hooks::NEW) {
            if let Some(new) = crate::class::python_method(&class, "__new__") {
                return self.call_user_new(th, class, new, args, mode);
            }
        }
        let slot = match builtin.kind {
            BuiltinKind::Object => Slot::None,
            BuiltinKind::BaseException => Slot::Exception(RefCell::new(Default::default())),
            BuiltinKind::Thread => Slot::Thread(crate::modules::threading::new_thread_data()),
            BuiltinKind::Local => {
                let has_init = matches!(class.lookup("__init__"), Some(Value::Function(_)));
                if !has_init && (!args.pos.is_empty() || !args.kw.is_empty()) {
                    return Err(self.raise_msg(Exc::TypeError, "Initialization arguments are not supported"));
                }
                Slot::Local(crate::modules::local::LocalData::new(th.tid, &args))
            }
            kind if crate::immutable_subclass::is_immutable_kind(kind) && !Rc::ptr_eq(&builtin, &class) => {
                return self.instantiate_immutable(th, class, builtin, args, mode);
            }
            BuiltinKind::Dict | BuiltinKind::List if !Rc::ptr_eq(&builtin, &class) => {
                // A subclass of dict or list: an instance whose slot is the container; the
                // built-in's `__init__` (or the class's, through super()) fills it.
                empty_container_slot(builtin.kind)
            }
            _ => {
                if !Rc::ptr_eq(&builtin, &class) {
                    return Err(self.raise_msg(
                        Exc::TypeError,
                        format!("gilsim does not support subclassing the built-in type '{}'", builtin.name),
                    ));
                }
                let new_name = self.lookups.new.clone();
                let ctor = self.class_lookup(&class, &new_name).ok_or_else(|| {
                    self.raise_msg(Exc::TypeError, format!("cannot create '{}' instances", class.display_name()))
                })?;
                return self.invoke(th, ctor, args, mode);
            }
        };
        self.note_alloc(128);
        let instance = Rc::new(Instance::new(class.clone(), slot));
        crate::finalizers::on_new(&instance);
        let instance = Value::Instance(instance);
        if builtin.kind == BuiltinKind::BaseException {
            if let Value::Instance(inst) = &instance {
                self.set_exception_attributes(inst, args.pos.clone());
            }
        }
        if let Slot::Thread(data) = &instance.as_instance().expect("instance").slot {
            data.borrow_mut().object = instance.clone();
        }
        let init_name = self.lookups.init.clone();
        match self.class_lookup(&class, &init_name) {
            // A generator `__init__` makes a generator, which is not None: the nested call
            // below raises CPython's TypeError.
            Some(Value::Function(init)) if !matches!(mode, ReturnMode::Nested) && !init.is_generator => {
                let mut args = args;
                args.pos.insert(0, instance.clone());
                self.push_function_frame(th, init, args, ReturnMode::Instance(instance))?;
                Ok(Invoked::Pushed)
            }
            Some(init) => {
                let mut args = args;
                args.pos.insert(0, instance.clone());
                let returned = self.call_nested(th, init, args)?;
                self.check_init_result(&returned)?;
                Ok(Invoked::Returned(instance, false))
            }
            None => {
                if builtin.kind == BuiltinKind::Object && (!args.pos.is_empty() || !args.kw.is_empty()) {
                    return Err(self.raise_msg(Exc::TypeError, format!("{}() takes no arguments", class.name)));
                }
                Ok(Invoked::Returned(instance, false))
            }
        }
    }

    /// `Class(*args)` for a class with a Python `__new__`: `__new__(Class, *args)`, then
    /// `__init__` on its result if that is an instance of the class (CPython's `type_call`).
    pub(crate) fn call_user_new(
        &mut self,
        th: &mut Thread,
        class: Rc<Class>,
        new: Value,
        args: Args,
        mode: ReturnMode,
    ) -> Result<Invoked, Control> {
        let mut new_args = args.clone();
        new_args.pos.insert(0, Value::Class(class.clone()));
        let runs_no_frame = matches!(&new, Value::Native(_)) || matches!(&new, Value::Function(f) if f.is_generator);
        if runs_no_frame || matches!(mode, ReturnMode::Nested) {
            let made = self.call_nested(th, new, new_args)?;
            self.init_after_new(th, &class, &made, args, ReturnMode::Nested)?;
            return Ok(Invoked::Returned(made, false));
        }
        let Value::Function(new) = new else { unreachable!("a Python __new__") };
        let mode = ReturnMode::New(Box::new((class, args)));
        self.push_function_frame(th, new, new_args, mode)?;
        Ok(Invoked::Pushed)
    }

    /// After a Python `__new__` made `made`: run the class's `__init__` on it if it is an
    /// instance of the class — in a frame of its own that returns `made` (`Pushed`), or
    /// nested. `None` when no `__init__` runs.
    pub(crate) fn init_after_new(
        &mut self,
        th: &mut Thread,
        class: &Rc<Class>,
        made: &Value,
        args: Args,
        mode: ReturnMode,
    ) -> Result<Option<Invoked>, Control> {
        if !self.class_of(made).is_subclass_of(class) {
            return Ok(None);
        }
        let Some(Value::Function(init)) = class.lookup("__init__") else { return Ok(None) };
        let mut args = args;
        args.pos.insert(0, made.clone());
        if matches!(mode, ReturnMode::Nested) || init.is_generator {
            let returned = self.call_nested(th, Value::Function(init), args)?;
            self.check_init_result(&returned)?;
            return Ok(Some(Invoked::Returned(made.clone(), false)));
        }
        self.push_function_frame(th, init, args, ReturnMode::Instance(made.clone()))?;
        Ok(Some(Invoked::Pushed))
    }

    /// `obj.name`.
    pub(crate) fn get_attr(&mut self, th: &mut Thread, obj: &Value, name: &str) -> Result<Value, Control> {
        if let (true, Value::Instance(inst)) = (self.getattribute_hooks, obj) {
            if let Some(hook) = attribute_hook(&inst.class, "__getattribute__") {
                self.take_tail();
                return self.user_getattribute(th, obj, hook, name);
            }
        }
        self.generic_get_attr(th, obj, name, true)
    }

    /// A class's Python `__getattribute__` (CPython's slot_tp_getattr_hook): its answer, or
    /// on AttributeError the class's `__getattr__`'s. Both run nested, without switches.
    fn user_getattribute(&mut self, th: &mut Thread, obj: &Value, hook: Value, name: &str) -> Result<Value, Control> {
        let Value::Instance(inst) = obj else { unreachable!("only instances have the hook") };
        let args = Args::new(vec![obj.clone(), Value::str(name)]);
        match self.call_nested(th, hook, args) {
            Err(Control::Raise(error)) if self.is_instance_of(&error, Exc::AttributeError) => {
                match attribute_hook(&inst.class, "__getattr__") {
                    Some(getattr) => self.call_nested(th, getattr, Args::new(vec![obj.clone(), Value::str(name)])),
                    None => Err(Control::Raise(error)),
                }
            }
            other => other,
        }
    }

    /// `object.__getattribute__(obj, name)` (`with_getattr`: and then the class's
    /// `__getattr__`, as `obj.name` does for a class without `__getattribute__`).
    pub(crate) fn generic_get_attr(
        &mut self,
        th: &mut Thread,
        obj: &Value,
        name: &str,
        with_getattr: bool,
    ) -> Result<Value, Control> {
        let tail = self.take_tail();
        match obj {
            Value::Instance(inst) => {
                self.localize(th, obj)?;
                // CPython's PyObject_GenericGetAttr: a data descriptor on the class, then the
                // instance's own dict, then anything else the class has. The class is asked
                // first only when it has a data descriptor at all.
                let early = inst.class.has_hook(Hooks::DATA_DESCRIPTORS).then(|| inst.class.lookup(name));
                if let Some(descriptor) =
                    early.as_ref().and_then(Option::as_ref).filter(|attr| attr.is_data_descriptor())
                {
                    if matches!(descriptor, Value::Descriptor(d) if matches!(d.func, Value::None)) {
                        return Err(self.property_error(inst, name, crate::property::PropertyAccess::Get));
                    }
                    return self.bind_attribute_at(th, obj, descriptor.clone(), tail);
                }
                if let Some(v) = inst.dict.borrow().get(&Name(name)) {
                    return Ok(v.clone());
                }
                if let Some(v) = early.unwrap_or_else(|| inst.class.lookup(name)) {
                    return self.bind_attribute_at(th, obj, v, tail);
                }
                match name {
                    "__class__" => return Ok(Value::Class(inst.class.clone())),
                    "__traceback__" if matches!(inst.slot, Slot::Exception(_)) => return Ok(self.traceback_object(obj)),
                    "name" | "obj" if matches!(inst.slot, Slot::Exception(_)) => {
                        if let Some(value) = self.missing_attribute(inst, name) {
                            return Ok(value);
                        }
                    }
                    // Python 2's `BaseException.message`: the one argument, else ''.
                    "message" if matches!(inst.slot, Slot::Exception(_)) && self.options.python.major == 2 => {
                        return Ok(match inst.attr("args") {
                            Some(Value::Tuple(args)) if args.len() == 1 => args[0].clone(),
                            _ => Value::str(""),
                        });
                    }
                    "add_note" if crate::exception_groups::has_notes(self, inst) => {
                        return Ok(Value::BoundMethod(Rc::new((
                            obj.clone(),
                            Value::Native(&crate::exception_groups::ADD_NOTE),
                        ))))
                    }
                    "__cause__" | "__context__" | "__suppress_context__" => {
                        if let Some(v) = Vm::chaining_attribute(obj, name) {
                            return Ok(v);
                        }
                    }
                    // A `threading.local`'s is the running thread's attributes (localized above).
                    "__dict__" if matches!(inst.slot, Slot::Exception(_)) && inst.class.slots.is_none() => {
                        let attrs = self.without_exception_fields(&inst.class, inst.dict.borrow().clone());
                        return Ok(Value::Dict(Rc::new(PyCell::new(attrs))));
                    }
                    "__dict__"
                        if (!inst.class.frozen || matches!(inst.slot, Slot::Local(_)))
                            && inst.class.slots.is_none() =>
                    {
                        if !inst.class.mro.iter().any(|class| class.slots.is_some()) {
                            return Ok(Value::Dict(inst.dict.clone()));
                        }
                        // Slots a base declared are not in the instance's `__dict__`: gilsim keeps
                        // them in the same dict, so this `__dict__` is a copy without them.
                        let mut attrs = inst.dict.borrow().clone();
                        for class in &inst.class.mro {
                            for slot in class.slots.iter().flat_map(|s| s.iter()) {
                                attrs.shift_remove(&Name(slot));
                            }
                        }
                        return Ok(Value::Dict(Rc::new(PyCell::new(attrs))));
                    }
                    _ => {}
                }
                // An int or float subclass's `real`, `imag`, `numerator`, `denominator`.
                if let Some(v) =
                    crate::immutable_subclass::immutable_base(obj).and_then(|b| builtin_data_attribute(b, name))
                {
                    return Ok(v);
                }
                if let Some(hook) = attribute_hook(&inst.class, "__getattr__").filter(|_| with_getattr) {
                    // Called only for what normal lookup did not find (CPython's slot_tp_getattr_hook).
                    return self.call_hook_value(th, tail, hook, vec![obj.clone(), Value::str(name)], Then::Value);
                }
                let in_slots = inst.class.slots.as_ref().is_some_and(|s| s.iter().any(|n| &**n == name));
                if in_slots && self.options.python < gilsim_core::PythonVersion::new(3, 10) {
                    // An empty slot's member descriptor: the bare name before 3.10.
                    return Err(self.raise_msg(Exc::AttributeError, name));
                }
                Err(self.attribute_error(obj, name))
            }
            Value::Class(class) => self.class_attr(th, obj, class, name),
            Value::Module(module) => {
                if let Some(v) = module.dict.borrow().get(&Name(name)) {
                    return Ok(v.clone());
                }
                // The names a library module defines in Python arrive on first use.
                if self.complete_module(th, obj)? {
                    if let Some(v) = module.dict.borrow().get(&Name(name)) {
                        return Ok(v.clone());
                    }
                }
                if let Some(v) = self.script_module_attr(module, name) {
                    return Ok(v);
                }
                if name == "__name__" {
                    return Ok(Value::str(&module.name));
                }
                if name == "_active" && &*module.name == "threading" {
                    return Ok(crate::modules::threading::active_by_ident(self));
                }
                if name == "__dict__" {
                    // The script's globals live in slots, not in its module's dict.
                    if &*module.name == "__main__" {
                        return Ok(crate::scope_dicts::module_globals(self, 0));
                    }
                    return Ok(attr_dict(&module.dict.borrow()));
                }
                // PEP 562 (CPython 3.7+): a module's own `__getattr__` answers for what it
                // lacks; only library modules define one (collections' ABCs, under 3.6-3.9).
                let hook = module.dict.borrow().get(&Name("__getattr__")).cloned();
                if let Some(hook @ Value::Function(_)) = hook {
                    return self.call_hook_value(th, tail, hook, vec![Value::str(name)], Then::Value);
                }
                let message = if self.options.python.major == 2 {
                    format!("'module' object has no attribute '{name}'")
                } else {
                    format!("module '{}' has no attribute '{name}'", module.name)
                };
                let error = self.raise_msg(Exc::AttributeError, message);
                Err(self.missing(error, name, Some(obj)))
            }
            Value::Function(f) => {
                if let Some(v) = f.attrs.borrow().get(name) {
                    return Ok(v.clone());
                }
                if f.presents_as_builtin {
                    match name {
                        "__module__" => return Ok(Value::Str(self.builtin_function_module(f))),
                        "__self__" => return Ok(self.builtin_function_self(f)),
                        _ => {}
                    }
                    if crate::builtin_functions::PYTHON_FUNCTION_ONLY.contains(&name) {
                        return Err(self.attribute_error(obj, name));
                    }
                }
                match name {
                    "__name__" => Ok(Value::Str(f.name.clone())),
                    "__qualname__" if self.options.python.major == 2 => Err(self.attribute_error(obj, name)),
                    "__qualname__" => Ok(Value::Str(f.qualname.clone())),
                    "__module__" => Ok(Value::str(&self.program.module_of(f.code).name)),
                    "__doc__" => {
                        Ok(self.program.codes[f.code as usize].docstring.as_deref().map_or(Value::None, Value::str))
                    }
                    "__code__" => Ok(self.function_code(f)),
                    "__globals__" => {
                        let module = self.program.codes[f.code as usize].module;
                        Ok(crate::scope_dicts::module_globals(self, module))
                    }
                    "__defaults__" => Ok(crate::code_object::defaults(f)),
                    "__kwdefaults__" => Ok(crate::code_object::kw_defaults(f)),
                    "__get__" => Ok(Value::BoundMethod(Rc::new((
                        obj.clone(),
                        Value::Native(&crate::make_function::FUNCTION_GET),
                    )))),
                    "__annotations__" => {
                        // Made on first use, and kept (CPython's func_get_annotations).
                        let empty = Value::Dict(Rc::new(PyCell::new(Dict::default())));
                        crate::run_shared::before_function_write(f);
                        f.attrs.borrow_mut().insert(Str::from("__annotations__"), empty.clone());
                        Ok(empty)
                    }
                    "__dict__" => {
                        // Assigned `__name__`, `__doc__`, ... are the function's, not its dict's.
                        let mut attrs = f.attrs.borrow().clone();
                        attrs.retain(|k, _| !FUNCTION_FIELDS.contains(&&**k));
                        Ok(attr_dict(&attrs))
                    }
                    _ => Err(self.attribute_error(obj, name)),
                }
            }
            Value::Descriptor(d)
                if d.kind == DescriptorKind::Property && matches!(name, "setter" | "getter" | "deleter") =>
            {
                let decorator = match name {
                    "setter" => &crate::property::PROPERTY_SETTER,
                    "getter" => &crate::property::PROPERTY_GETTER,
                    _ => &crate::property::PROPERTY_DELETER,
                };
                Ok(Value::BoundMethod(Rc::new((obj.clone(), Value::Native(decorator)))))
            }
            Value::Descriptor(d) if d.kind == DescriptorKind::Property && name == "fget" => Ok(d.func.clone()),
            Value::Descriptor(d) if d.kind == DescriptorKind::Property && name == "__doc__" => match &d.doc {
                Some(doc) => Ok(doc.clone()),
                None if d.func.is_none() => Ok(Value::None),
                None => self.get_attr(th, &d.func.clone(), "__doc__"),
            },
            Value::Descriptor(d) if d.kind == DescriptorKind::Property && name == "fset" => {
                Ok(d.setter.clone().unwrap_or(Value::None))
            }
            Value::Descriptor(d) if d.kind == DescriptorKind::Property && name == "fdel" => {
                Ok(d.deleter.clone().unwrap_or(Value::None))
            }
            Value::Native(n) if name == "__name__" => Ok(Value::str(n.short_name())),
            Value::Native(n) if name == "__self__" && !n.receiver => Ok(self.native_self(n)),
            Value::Native(n) if name == "__qualname__" && self.options.python.major >= 3 => {
                Ok(Value::str(n.qualname()))
            }
            // A method of a built-in type has none (`list.append`); bound, its `__module__` is
            // None (`[].append`, below).
            Value::Native(n) if name == "__module__" && n.module().is_some() => {
                Ok(Value::str(n.module().expect("checked in the guard")))
            }
            Value::BoundMethod(m) => match (name, &m.1) {
                ("__self__", _) => Ok(m.0.clone()),
                ("__func__", _) => Ok(m.1.clone()),
                ("__module__", Value::Native(n)) => Ok(n.module().map_or(Value::None, Value::str)),
                // Other attributes are the function's (CPython's method_getattro).
                _ => self.get_attr(th, &m.1.clone(), name),
            },
            _ => {
                let class = self.class_of(obj);
                match class.lookup(name) {
                    Some(v @ Value::Native(_)) => Ok(Value::BoundMethod(Rc::new((obj.clone(), v)))),
                    Some(v) => self.bind_attribute(th, obj, v),
                    None if name == "__class__" => Ok(Value::Class(class)),
                    // Python 2's str holds bytes, and decodes (3's has no `decode`).
                    None if name == "decode" && self.options.python.major == 2 && matches!(obj, Value::Str(_)) => {
                        Ok(Value::BoundMethod(Rc::new((obj.clone(), Value::Native(&crate::codecs::STR_DECODE)))))
                    }
                    None => builtin_data_attribute(obj, name).ok_or_else(|| self.attribute_error(obj, name)),
                }
            }
        }
    }

    /// The function `obj.name` would bind to `obj`, when looking it up needs no more than the
    /// type (CPython's LOAD_METHOD): a Python function on an instance's class that its own
    /// attributes do not shadow, or a built-in type's method. None: `get_attr` decides.
    /// Reads the same dicts, in the same order, as [`Vm::get_attr`] does for it.
    pub(crate) fn method_of(&mut self, th: &mut Thread, obj: &Value, name: &Str) -> Result<Option<Value>, Control> {
        let class = match obj {
            Value::Instance(inst) => {
                self.localize(th, obj)?;
                if inst.dict.borrow().contains_key(&Name(name.as_ref()))
                    || self.getattribute_hooks && has_getattribute(&inst.class)
                {
                    return Ok(None);
                }
                inst.class.clone()
            }
            Value::Class(_)
            | Value::Module(_)
            | Value::Function(_)
            | Value::Descriptor(_)
            | Value::Native(_)
            | Value::BoundMethod(_) => return Ok(None),
            _ => return Ok(self.value_method(obj, name)),
        };
        Ok(match self.class_lookup(&class, name) {
            Some(f @ Value::Function(_)) => Some(f),
            // A built-in function that is no method (`clock = time.monotonic` in a class body)
            // is not bound: the attribute path gives it as it is.
            Some(Value::Native(n)) if n.receiver => Some(Value::Native(n)),
            _ => None,
        })
    }

    /// [`Vm::method_of`] a value that is not an instance: a built-in function its type has
    /// under `name`.
    #[inline(never)]
    fn value_method(&mut self, obj: &Value, name: &Str) -> Option<Value> {
        if let Some(receiver) = crate::lookup_cache::BuiltinReceiver::of(obj) {
            return self.builtin_method(receiver, obj, name).map(Value::Native);
        }
        let class = self.class_of(obj);
        match self.class_lookup(&class, name) {
            Some(n @ Value::Native(_)) => Some(n),
            _ => None,
        }
    }

    pub(crate) fn bind_attribute(&mut self, th: &mut Thread, obj: &Value, attr: Value) -> Result<Value, Control> {
        self.bind_attribute_at(th, obj, attr, false)
    }

    /// [`Vm::bind_attribute`]; `tail`: a getter written in Python may run as a hook frame.
    fn bind_attribute_at(&mut self, th: &mut Thread, obj: &Value, attr: Value, tail: bool) -> Result<Value, Control> {
        if let Some(get) = self.user_method(&attr, "__get__") {
            // The descriptor protocol: an object whose class defines `__get__`.
            let owner = Value::Class(self.class_of(obj));
            return self.call_hook_value(th, tail, get, vec![attr, obj.clone(), owner], Then::Value);
        }
        match attr {
            Value::Function(_) => Ok(Value::BoundMethod(Rc::new((obj.clone(), attr)))),
            Value::Native(native) => Ok(bind_native(obj, native)),
            Value::Descriptor(d) => match d.kind {
                DescriptorKind::Property => {
                    self.call_hook_value(th, tail, d.func.clone(), vec![obj.clone()], Then::Value)
                }
                DescriptorKind::StaticMethod => Ok(d.func.clone()),
                DescriptorKind::ClassMethod => {
                    Ok(Value::BoundMethod(Rc::new((Value::Class(self.class_of(obj)), d.func.clone()))))
                }
            },
            other => Ok(other),
        }
    }

    /// 3.10+'s `name` of an AttributeError or NameError and `obj` of an AttributeError that
    /// gilsim raised: what was missing, and where (None when raised by a script).
    fn missing_attribute(&self, inst: &Instance, field: &str) -> Option<Value> {
        if self.options.python < gilsim_core::PythonVersion::new(3, 10) {
            return None;
        }
        let is = |exc: Exc| inst.class.is_subclass_of(&self.types.exception(exc));
        if !(is(Exc::AttributeError) || (field == "name" && is(Exc::NameError))) {
            return None;
        }
        let Slot::Exception(data) = &inst.slot else { return None };
        let data = data.borrow();
        let missing = data.missing.as_ref();
        Some(match field {
            "name" => missing.map_or(Value::None, |m| Value::str(&m.name)),
            _ => missing.and_then(|m| m.obj.clone()).unwrap_or(Value::None),
        })
    }

    pub(crate) fn attribute_error(&mut self, obj: &Value, name: &str) -> Control {
        let type_name = crate::builtins::type_name_of(obj);
        let error = self.raise_msg(Exc::AttributeError, format!("'{type_name}' object has no attribute '{name}'"));
        self.missing(error, name, Some(obj))
    }

    /// `obj.name = value`.
    pub(crate) fn set_attr(&mut self, th: &mut Thread, obj: &Value, name: &Str, value: Value) -> Result<(), Control> {
        let tail = self.take_tail();
        match obj {
            Value::Instance(inst) => {
                self.localize(th, obj)?;
                if let Some(hook) = attribute_hook(&inst.class, "__setattr__") {
                    let args = vec![obj.clone(), Value::str(name), value];
                    return self.call_hook(th, tail, hook, args, Then::Nothing).map(|_| ());
                }
                self.store_instance_attr(th, inst, obj, name, value, tail)
            }
            Value::Class(class) if class.frozen => Err(self.immutable_type_error(class, name)),
            Value::Class(class) => {
                if &**name == "__getattribute__" {
                    self.getattribute_hooks = true;
                }
                crate::run_shared::before_class_write(class);
                class.dict.borrow_mut().insert(name.clone(), value);
                crate::value::class_changed();
                Ok(())
            }
            Value::Module(module) => {
                match self.script_global_slot(module, name) {
                    Some(slot) => {
                        crate::footprint::note(crate::footprint::Resource::Global(slot as u32), true);
                        self.interp.globals[slot] = value;
                    }
                    None => {
                        crate::run_shared::before_module_write(module);
                        module.dict.borrow_mut().insert(name.clone(), value);
                    }
                }
                Ok(())
            }
            Value::Function(f) => {
                crate::run_shared::before_function_write(f);
                f.attrs.borrow_mut().insert(name.clone(), value);
                Ok(())
            }
            other => Err(self.no_dict_error(other, name)),
        }
    }

    /// Setting or deleting an attribute of a built-in type (same message for both).
    fn immutable_type_error(&mut self, class: &Class, name: &str) -> Control {
        let message = if self.options.python >= gilsim_core::PythonVersion::new(3, 10) {
            format!("cannot set '{name}' attribute of immutable type '{}'", class.dotted_name())
        } else {
            format!("can't set attributes of built-in/extension type '{}'", class.dotted_name())
        };
        self.raise_msg(Exc::TypeError, message)
    }

    pub(crate) fn del_attr(&mut self, th: &mut Thread, obj: &Value, name: &str) -> Result<(), Control> {
        let tail = self.take_tail();
        self.localize(th, obj)?;
        if let Value::Class(class) = obj {
            if class.frozen {
                return Err(self.immutable_type_error(class, name));
            }
        }
        if let Value::Instance(inst) = obj {
            if let Some(hook) = attribute_hook(&inst.class, "__delattr__") {
                // A Python `__delattr__` runs as a frame of the thread (see crate::hooks).
                let args = vec![obj.clone(), Value::str(name)];
                return self.call_hook(th, tail, hook, args, Then::Nothing).map(|_| ());
            }
            return self.delete_instance_attr(th, inst, obj, name);
        }
        let removed = match obj {
            Value::Class(class) => {
                crate::run_shared::before_class_write(class);
                crate::value::class_changed();
                class.dict.borrow_mut().shift_remove(name)
            }
            Value::Function(f) => {
                crate::run_shared::before_function_write(f);
                f.attrs.borrow_mut().shift_remove(name)
            }
            Value::Module(module) => match self.script_global_slot(module, name) {
                Some(slot) => {
                    crate::footprint::note(crate::footprint::Resource::Global(slot as u32), true);
                    Some(std::mem::take(&mut self.interp.globals[slot])).filter(|v| !matches!(v, Value::Undefined))
                }
                None => {
                    crate::run_shared::before_module_write(module);
                    module.dict.borrow_mut().shift_remove(name)
                }
            },
            _ => return Err(self.no_dict_error(obj, name)),
        };
        match removed {
            Some(_) => Ok(()),
            None => Err(self.missing_on_delete(obj, name)),
        }
    }

    /// `with manager:` — push `__exit__`, then call `__enter__()` (which may block).
    pub(crate) fn before_with(&mut self, th: &mut Thread, manager: Value) -> Result<(), Control> {
        let class = self.class_of(&manager);
        let (enter_name, exit_name) = (self.lookups.enter.clone(), self.lookups.exit.clone());
        let (Some(enter), Some(exit)) = (self.class_lookup(&class, &enter_name), self.class_lookup(&class, &exit_name))
        else {
            return Err(self.context_protocol_error(&manager, crate::coroutine::ContextProtocol::Sync));
        };
        let exit = Value::BoundMethod(Rc::new((manager.clone(), exit)));
        th.stack.push(exit);
        // `enter` bound to `manager`, as calling a bound method passes it.
        let mut args = self.spare.take(1);
        args.push(manager);
        match self.invoke(th, enter, Args::new(args), ReturnMode::Push)? {
            Invoked::Returned(v, _) => push_result(th, v),
            Invoked::Pushed => {}
        }
        Ok(())
    }

    /// A global (then builtin) by name, for class bodies.
    /// A global of module `module` by name (class bodies), else the builtin of that name.
    pub(crate) fn lookup_global_name(&self, module: u32, name: &str) -> Option<Value> {
        self.bound_global(module as usize, name)
            .or_else(|| self.builtins.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone()))
    }

    /// `property`/`staticmethod`/`classmethod` objects.
    pub(crate) fn descriptor(kind: DescriptorKind, func: Value) -> Value {
        Value::Descriptor(Rc::new(Descriptor::new(kind, func)))
    }
}

/// A class's Python `__setattr__`, `__delattr__`, `__getattr__` or `__getattribute__`, if it
/// has one (`object`'s are natives).
///
/// Inline, so that the name's flag is found at compile time and a class without the hook
/// (nearly every class, on every attribute store) costs one test.
#[inline]
pub(crate) fn attribute_hook(class: &Class, name: &str) -> Option<Value> {
    let hook = match name {
        "__setattr__" => Hooks::SETATTR,
        "__delattr__" => Hooks::DELATTR,
        "__getattribute__" => Hooks::GETATTRIBUTE,
        _ => Hooks::GETATTR,
    };
    if !class.has_hook(hook) {
        return None;
    }
    python_attribute_hook(class, name)
}

/// Whether `class` reads every attribute through a Python `__getattribute__` (one test for
/// the classes without data descriptors, which such a hook counts as). The fast paths ask
/// only once [`Vm::getattribute_hooks`] says some class has one.
#[inline]
pub(crate) fn has_getattribute(class: &Class) -> bool {
    class.has_hook(Hooks::DATA_DESCRIPTORS) && class.has_hook(Hooks::GETATTRIBUTE)
}

/// [`attribute_hook`] of a class that has one along its MRO.
#[inline(never)]
fn python_attribute_hook(class: &Class, name: &str) -> Option<Value> {
    class.lookup(name).filter(|hook| matches!(hook, Value::Function(_)))
}

/// The data attributes of built-in values that no class dict holds: a slice's or a range's
/// `start`, `stop` and `step`; a number's `real`, `imag`, `numerator`, `denominator` (an int is its own real
/// part and numerator, a float its own real part).
fn builtin_data_attribute(value: &Value, name: &str) -> Option<Value> {
    if let Value::Slice(parts) = value {
        let index = ["start", "stop", "step"].iter().position(|field| *field == name)?;
        return Some(parts[index].clone());
    }
    if let Value::Range(range) = value {
        let bound = match name {
            "start" => range.start,
            "stop" => range.stop,
            "step" => range.step,
            _ => return None,
        };
        return Some(crate::value::int_value(bound));
    }
    let int = match value {
        Value::Bool(b) => Value::Int(i64::from(*b)),
        Value::Int(_) | Value::Long(_) => value.clone(),
        Value::Float(_) => {
            return match name {
                "real" => Some(value.clone()),
                "imag" => Some(Value::float(0.0)),
                _ => None,
            }
        }
        _ => return None,
    };
    match name {
        "real" | "numerator" => Some(int),
        "imag" => Some(Value::Int(0)),
        "denominator" => Some(Value::Int(1)),
        _ => None,
    }
}

/// A function's attributes that CPython keeps outside its `__dict__`.
const FUNCTION_FIELDS: [&str; 7] =
    ["__name__", "__qualname__", "__module__", "__doc__", "__defaults__", "__annotations__", "__code__"];

/// A class's or function's `__dict__`: its attributes as a new dict (a copy — writes to it do
/// not reach the class: docs/language.md; an instance's `__dict__` is its own dict).
pub(crate) fn attr_dict(attrs: &crate::value::AttrMap) -> Value {
    let mut dict = Dict::default();
    for (name, value) in attrs {
        dict.insert(Key(Value::Str(name.clone())), value.clone());
    }
    Value::Dict(Rc::new(PyCell::new(dict)))
}

/// Drop a return mode a native call did not need: `Push`, nearly always, without the
/// out-of-line drop glue the other variants need (~25 instructions a call).
#[inline(always)]
fn discard(mode: ReturnMode) {
    if matches!(mode, ReturnMode::Push) {
        std::mem::forget(mode);
    }
}

/// `obj.name` for a built-in function found on `obj`'s class: a method of a built-in type
/// (`list.append`, CPython's method descriptor) binds to `obj`; any other built-in function
/// (`len`, `time.monotonic` stored in a class body) is not a descriptor in CPython and comes
/// back as it is.
pub(crate) fn bind_native(obj: &Value, native: &'static crate::native::NativeFn) -> Value {
    if native.receiver {
        Value::BoundMethod(Rc::new((obj.clone(), Value::Native(native))))
    } else {
        Value::Native(native)
    }
}

/// Move the top `n` values of `stack` to the end of `into`, in order: by pops (a `drain`
/// into `extend` cost several times more — its iterator, built in memory, was read back by
/// wider loads than the stores that wrote it), the values after the second reversed in place.
#[inline(always)]
fn move_top(stack: &mut Vec<Value>, n: usize, into: &mut Vec<Value>) {
    let mut pop = || stack.pop().expect("call arguments on the stack (compiler invariant)");
    match n {
        0 => {}
        1 => into.push(pop()),
        2 => {
            let second = pop();
            into.push(pop());
            into.push(second);
        }
        _ => {
            let start = into.len();
            into.extend((0..n).map(|_| pop()));
            into[start..].reverse();
        }
    }
}

/// Remove the top `n` values of `stack`, which the caller emptied (took, leaving `Undefined`):
/// forgotten, as they own nothing, rather than dropped (`truncate` ran the out-of-line drop
/// glue for each).
#[inline(always)]
fn pop_emptied(stack: &mut Vec<Value>, n: usize) {
    for _ in 0..n {
        let emptied = stack.pop();
        debug_assert!(matches!(emptied, Some(Value::Undefined)), "a slot the call had not emptied");
        std::mem::forget(emptied);
    }
}

/// The slot of a new instance of a subclass of dict or list: its empty container.
fn empty_container_slot(kind: BuiltinKind) -> Slot {
    Slot::Builtin(match kind {
        BuiltinKind::Dict => Value::Dict(Rc::new(PyCell::new(Dict::default()))),
        _ => Value::list(Vec::new()),
    })
}

impl Vm {
    /// `list.__new__(cls)` / `dict.__new__(cls)` for a subclass `cls` of that type (`kind`):
    /// an empty instance, its `__init__` not called. None when `v` is no such class (the
    /// call is the constructor's: `list(iterable)`).
    pub(crate) fn new_container_subclass(&mut self, v: Option<&Value>, kind: BuiltinKind) -> Option<Value> {
        let Some(Value::Class(class)) = v else { return None };
        let builtin = self.builtin_ancestor(class);
        if builtin.kind != kind || Rc::ptr_eq(&builtin, class) {
            return None;
        }
        self.note_alloc(128);
        let instance = Rc::new(Instance::new(class.clone(), empty_container_slot(kind)));
        crate::finalizers::on_new(&instance);
        Some(Value::Instance(instance))
    }
}

/// The function [`Vm::binds_in_place`] found.
fn take_function(callable: Value) -> Rc<crate::value::Function> {
    match callable {
        Value::Function(function) => function,
        _ => unreachable!("binds_in_place found a function"),
    }
}
