//! Unpacking into calls and displays: the arguments of a call with `*` or `**` (CPython's
//! `CALL_FUNCTION_EX`, whose positional tuple `LIST_EXTEND` builds and whose keywords
//! `DICT_MERGE` merges) and `[*a]`, `{*a}`, `{**m}` (`LIST_EXTEND`, `SET_UPDATE`,
//! `DICT_UPDATE`), with CPython's messages per version.
//!
//! Invariant: a call's keywords reach the callee once each — a name given twice (`f(a=1,
//! **{'a': 2})`) is CPython's TypeError before the call — while a display's later keys win.

use crate::builtins::type_name_of;
use crate::dict::Key;
use crate::interp::Invoked;
use crate::memory;
use crate::native::{Args, Control};
use crate::value::{Str, Value};
use crate::{Exc, Thread, Vm};
use gilsim_core::PythonVersion;
use std::rc::Rc;

impl Vm {
    /// CPython's name of `callable` in a call's argument errors: `_PyObject_FunctionStr` from
    /// 3.9 (`__main__.f()`, `__main__.C.m()`, `print()`, `list.append()`, or the `str()` of
    /// an object that is no function), `PyEval_GetFuncName` and `PyEval_GetFuncDesc` before
    /// (`f()`, `append()`, `type object`).
    pub(crate) fn function_str(&mut self, th: &mut Thread, callable: &Value) -> String {
        let function = match callable {
            Value::BoundMethod(m) => &m.1,
            other => other,
        };
        if self.options.python < PythonVersion::new(3, 9) {
            return match function {
                Value::Function(f) => format!("{}()", f.name),
                Value::Native(n) => format!("{}()", n.short_name()),
                other => format!("{} object", type_name_of(other)),
            };
        }
        let (qualname, module) = match function {
            Value::Function(f) => (f.qualname.to_string(), Some(self.program.module_of(f.code).name.clone())),
            Value::Native(n) => (n.qualname().to_string(), n.module().map(str::to_string)),
            Value::Class(c) => (c.qualname.to_string(), Some(c.module.to_string())),
            other => {
                let other = other.clone();
                return self.str_of(th, &other).unwrap_or_else(|_| format!("{} object", type_name_of(&other)));
            }
        };
        match module {
            Some(module) if module != "builtins" => format!("{module}.{qualname}()"),
            _ => format!("{qualname}()"),
        }
    }

    /// `CallEx`: call `callable` with the items of `args` — the tuple the compiler built, or
    /// with `spread` the value `f(*x)` hands over as it is — and the keywords in `kwargs` (a
    /// dict, or None).
    #[inline(never)]
    pub(crate) fn call_ex(
        &mut self,
        th: &mut Thread,
        callable: Value,
        args: Value,
        kwargs: Value,
        spread: bool,
    ) -> Result<Invoked, Control> {
        let pos = match args {
            Value::Tuple(t) => {
                if spread {
                    // Charged as the list the arguments were once collected in.
                    self.note_alloc(t.len() as u64 * memory::SLOT);
                }
                // A tuple the compiler built for this call is the stack's alone; another one's
                // items are copied, with room for a bound method's receiver.
                match Rc::try_unwrap(t) {
                    Ok(mut items) => std::mem::take(&mut items.0),
                    Err(t) => {
                        let mut pos = self.spare.take(t.len() + 1);
                        pos.extend(t.iter().cloned());
                        pos
                    }
                }
            }
            other if spread && self.iterates_in_python(&other) => {
                // A generator's body (a Python `__iter__`, a mapped function) may block: its
                // items are collected in the thread's own frames, by `_gilsim_iter.spread_call`.
                let helper = self.library_attr(th, "_gilsim_iter", "spread_call")?;
                let args = Args::new(vec![callable, other, kwargs]);
                return self.invoke(th, helper, args, crate::frame::ReturnMode::Push);
            }
            other => self.call_args_list(th, &callable, &other)?,
        };
        let kw = match kwargs {
            Value::Dict(d) => {
                let kw = d.borrow().iter().map(|(k, v)| (k.0.clone(), v.clone())).collect::<Vec<_>>();
                let mut named = Vec::with_capacity(kw.len());
                for (k, v) in kw {
                    match k {
                        Value::Str(s) => named.push((s, v)),
                        _ => return Err(self.keywords_not_strings(th, &callable)),
                    }
                }
                named
            }
            _ => Vec::new(),
        };
        self.invoke(th, callable, Args { pos, kw }, crate::frame::ReturnMode::Push)
    }

    /// The items of `f(*x)`'s `x` when it is not a tuple, charged as the tuple CPython makes.
    pub(crate) fn call_args_list(
        &mut self,
        th: &mut Thread,
        callable: &Value,
        x: &Value,
    ) -> Result<Vec<Value>, Control> {
        let items = self.collect_or(th, x, |vm, th, x| {
            let message = format!(
                "{} argument after * must be an iterable, not {}",
                vm.function_str(th, callable),
                type_name_of(x)
            );
            vm.raise_msg(Exc::TypeError, message)
        })?;
        self.note_alloc(items.len() as u64 * memory::SLOT);
        Ok(items)
    }

    fn keywords_not_strings(&mut self, th: &mut Thread, callable: &Value) -> Control {
        let message = if self.options.python < PythonVersion::new(3, 9) {
            format!("{} keywords must be strings", self.function_str(th, callable))
        } else {
            "keywords must be strings".to_string()
        };
        self.raise_msg(Exc::TypeError, message)
    }

    /// `ListExtend`: the items of `iterable` onto the end of the list on top of the running
    /// frame's stack (`call`: a call's positional arguments, the callable below the list).
    #[inline(never)]
    pub(crate) fn list_extend(&mut self, th: &mut Thread, iterable: Value, call: bool) -> Result<(), Control> {
        let stack = &th.stack;
        let target = stack.last().expect("list").clone();
        let callable = if call { stack.get(stack.len().wrapping_sub(2)).cloned() } else { None };
        let Value::List(list) = target else { panic!("ListExtend target is not a list") };
        if let Value::Tuple(items) = &iterable {
            // `f(a, *args)` of a tuple: its items straight into the list.
            self.note_alloc(items.len() as u64 * memory::SLOT);
            list.borrow_mut().extend(items.iter().cloned());
            return Ok(());
        }
        let items = self.collect_or(th, &iterable, |vm, th, x| {
            let message = match &callable {
                _ if vm.options.python >= PythonVersion::new(3, 9) => {
                    format!("Value after * must be an iterable, not {}", type_name_of(x))
                }
                Some(callable) => format!(
                    "{} argument after * must be an iterable, not {}",
                    vm.function_str(th, callable),
                    type_name_of(x)
                ),
                None => format!("'{}' object is not iterable", type_name_of(x)),
            };
            vm.raise_msg(Exc::TypeError, message)
        })?;
        self.note_alloc(items.len() as u64 * memory::SLOT);
        list.borrow_mut().extend(items);
        Ok(())
    }

    /// `SetUpdate`: `{*x}`'s items into the set on top of the running frame's stack, as
    /// `set.update` adds them.
    #[inline(never)]
    pub(crate) fn set_update_top(&mut self, th: &mut Thread, iterable: Value) -> Result<(), Control> {
        let target = th.stack.last().expect("set").clone();
        let Value::Set(set) = target else { panic!("SetUpdate target is not a set") };
        crate::set_methods::set_update(self, th, &set, &iterable)
    }

    /// `DictUpdate`: `{**m}`'s items into the dict on top of the running frame's stack.
    #[inline(never)]
    pub(crate) fn dict_update_top(&mut self, th: &mut Thread, mapping: Value) -> Result<(), Control> {
        let target = th.stack.last().expect("dict").clone();
        match (&target, &mapping) {
            (Value::Dict(d), Value::Dict(o)) => {
                let items: Vec<_> = o.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                d.borrow_mut().extend(items);
                Ok(())
            }
            _ if self.is_mapping(&mapping) => crate::methods::update_dict(self, th, &target, &mapping),
            _ => Err(self.raise_msg(Exc::TypeError, format!("'{}' object is not a mapping", type_name_of(&mapping)))),
        }
    }

    /// `DictMerge`: `f(**m)`'s items into the call's keyword dict on top of the running
    /// frame's stack (below it the positional arguments and the callable).
    #[inline(never)]
    pub(crate) fn dict_merge(&mut self, th: &mut Thread, mapping: Value) -> Result<(), Control> {
        let stack = &th.stack;
        let target = stack.last().expect("dict").clone();
        let callable = stack[stack.len() - 3].clone();
        let Value::Dict(keywords) = &target else { panic!("DictMerge target is not a dict") };
        let pairs: Vec<(Key, Value)> = match &mapping {
            Value::Dict(o) => o.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            _ if self.is_mapping(&mapping) => {
                let merged = Value::Dict(Rc::new(crate::footprint::PyCell::new(crate::dict::Dict::default())));
                crate::methods::update_dict(self, th, &merged, &mapping)?;
                let Value::Dict(merged) = merged else { unreachable!("made a dict above") };
                let pairs = merged.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                pairs
            }
            _ => {
                let message = format!(
                    "{} argument after ** must be a mapping, not {}",
                    self.function_str(th, &callable),
                    type_name_of(&mapping)
                );
                return Err(self.raise_msg(Exc::TypeError, message));
            }
        };
        for (key, value) in pairs {
            if keywords.borrow().contains_key(&key) {
                return Err(self.keyword_given_twice(th, &callable, &key.0));
            }
            keywords.borrow_mut().insert(key, value);
        }
        Ok(())
    }

    fn keyword_given_twice(&mut self, th: &mut Thread, callable: &Value, key: &Value) -> Control {
        let Value::Str(name) = key else { return self.keywords_not_strings(th, callable) };
        let name: Str = name.clone();
        let message =
            format!("{} got multiple values for keyword argument '{}'", self.function_str(th, callable), name);
        self.raise_msg(Exc::TypeError, message)
    }

    /// Whether `v` is a mapping to unpack with `**`: a dict (or a subclass), or an object
    /// with `keys()` (CPython's `PyDict_Merge` asks for `keys` and subscripts).
    fn is_mapping(&mut self, v: &Value) -> bool {
        matches!(v.builtin_base(), Some(Value::Dict(_))) || self.user_method(v, "keys").is_some()
    }
}
