//! Built-in functions (`print`, `len`, `range`, `sorted`, `isinstance`, ...).

use crate::float_sum::Total;
use crate::int;
use crate::iterators::{iterator, IterState};
use crate::native::{native, Args, Control, NResult};
use crate::types::Types;
use crate::value::{DescriptorKind, RangeObj, Str, Truth, Value};
use crate::Exc;
use crate::{Thread, Vm};
use gilsim_bytecode::CmpOp;
use gilsim_core::PythonVersion;
use std::cmp::Ordering;
use std::rc::Rc;

/// The type name CPython uses in messages (`'int' object is not callable`).
pub fn type_name_of(v: &Value) -> String {
    match v {
        Value::Undefined | Value::None => "NoneType".into(),
        Value::Bool(_) => "bool".into(),
        Value::Int(_) | Value::Long(_) => "int".into(),
        Value::Float(_) => "float".into(),
        Value::Str(_) => "str".into(),
        Value::Bytes(_) => "bytes".into(),
        Value::ByteArray(_) => "bytearray".into(),
        Value::Tuple(_) => "tuple".into(),
        Value::List(_) => "list".into(),
        Value::Dict(_) => "dict".into(),
        Value::Set(s) if s.borrow_unnoted().is_frozen() => "frozenset".into(),
        Value::Set(_) => "set".into(),
        Value::Range(_) => "range".into(),
        Value::Slice(_) => "slice".into(),
        Value::Function(f) if f.presents_as_builtin => "builtin_function_or_method".into(),
        Value::Function(_) => "function".into(),
        Value::Native(_) => "builtin_function_or_method".into(),
        Value::BoundMethod(m) if matches!(m.1, Value::Native(_)) => "builtin_function_or_method".into(),
        Value::BoundMethod(_) => "method".into(),
        Value::Class(_) => "type".into(),
        Value::Instance(i) => i.class.type_name(),
        Value::Module(_) => "module".into(),
        Value::Iterator(state) => state.borrow_unnoted().type_name().into(),
        Value::View(view) => view.type_name().into(),
        Value::Cell(_) => "cell".into(),
        Value::Descriptor(_) => "property".into(),
    }
}

/// Check the positional argument count: `name() takes ...` messages as CPython's builtins.
#[inline]
pub(crate) fn arity(vm: &mut Vm, name: &str, args: &Args, min: usize, max: usize) -> Result<(), Control> {
    let n = args.pos.len();
    if n >= min && n <= max {
        return Ok(());
    }
    Err(arity_error(vm, name, n, min, max))
}

/// The argument count check of a built-in type's method (`list.append`, named by its
/// qualified name): `args` holds the receiver first, `min` and `max` count the others, and
/// the messages are CPython's for the method's kind — `list.append() takes exactly one
/// argument (0 given)` (METH_O; `append()` before 3.9), `dict.popitem() takes no arguments
/// (1 given)` (METH_NOARGS), `pop expected at most 1 argument, got 2` (the others). A method
/// that takes keywords too words it as [`c_method_arity`] does.
pub(crate) fn method_arity(vm: &mut Vm, qualname: &str, args: &Args, min: usize, max: usize) -> Result<(), Control> {
    let n = args.pos.len().saturating_sub(1);
    if n >= min && n <= max {
        return Ok(());
    }
    let one_or_none = min == max && min <= 1;
    if vm.options.python < PythonVersion::new(3, 8) && !one_or_none {
        return Err(method_arity_error_before_38(vm, qualname, n, min, max));
    }
    Err(arity_error(vm, qualname, n, min, max))
}

/// [`method_arity`]'s message before 3.8, when the methods parsed their arguments with
/// `PyArg_ParseTuple` (`pop() takes at most 1 argument (2 given)`) or, dict's,
/// `PyArg_UnpackTuple` (`get expected at least 1 arguments, got 0`: always plural then).
#[inline(never)]
fn method_arity_error_before_38(vm: &mut Vm, qualname: &str, n: usize, min: usize, max: usize) -> Control {
    let short = qualname.rsplit('.').next().unwrap_or(qualname);
    let (bound, k) = match () {
        _ if min == max => ("exactly", min),
        _ if n < min => ("at least", min),
        _ => ("at most", max),
    };
    let message = if qualname.starts_with("dict.") {
        format!("{short} expected {bound} {k} arguments, got {n}")
    } else {
        format!("{short}() takes {bound} {k} argument{} ({n} given)", if k == 1 { "" } else { "s" })
    };
    vm.raise_msg(Exc::TypeError, message)
}

#[inline(never)]
fn arity_error(vm: &mut Vm, name: &str, n: usize, min: usize, max: usize) -> Control {
    // A function of no or one argument (METH_NOARGS, METH_O) is named with its module or type
    // from 3.9 (`math.sqrt()`, `_PyObject_FunctionStr`), by itself before.
    let short = name.rsplit('.').next().unwrap_or(name);
    let shown = if vm.options.python >= PythonVersion::new(3, 9) { name } else { short };
    let message = if min == max {
        match min {
            0 => format!("{shown}() takes no arguments ({n} given)"),
            1 => format!("{shown}() takes exactly one argument ({n} given)"),
            _ => format!("{short} expected {min} arguments, got {n}"),
        }
    } else {
        // "1 argument" from 3.8; "1 arguments" before (PyArg_UnpackTuple's fixed plural).
        let plural = |count: usize| if count == 1 && vm.options.python >= PythonVersion::new(3, 8) { "" } else { "s" };
        if n < min {
            format!("{short} expected at least {min} argument{}, got {n}", plural(min))
        } else {
            format!("{short} expected at most {max} argument{}, got {n}", plural(max))
        }
    };
    vm.raise_msg(Exc::TypeError, message)
}

/// Check the positional argument count of a native that CPython writes in Python, receiver
/// included (`Thread.join(self, timeout=None)`: `params` = ["self", "timeout"], 1 required),
/// with the messages of a Python function. Before 3.10 they name the function, not its
/// qualified name.
pub(crate) fn py_arity(
    vm: &mut Vm,
    qualname: &str,
    args: &Args,
    params: &[&str],
    required: usize,
) -> Result<(), Control> {
    let given = args.pos.len();
    if (required..=params.len()).contains(&given) {
        return Ok(());
    }
    Err(py_arity_error(vm, qualname, given, params, required))
}

#[inline(never)]
fn py_arity_error(vm: &mut Vm, qualname: &str, given: usize, params: &[&str], required: usize) -> Control {
    let fname = py_function_name(vm, qualname);
    if given > params.len() {
        return vm.raise_msg(Exc::TypeError, crate::bind::too_many_positional(fname, required, params.len(), given));
    }
    let missing: Vec<String> = params[given..required].iter().map(|p| p.to_string()).collect();
    vm.missing_args(fname, "positional", &missing)
}

/// How a Python function's errors name it: by its qualified name from 3.10, by its name before.
pub(crate) fn py_function_name<'q>(vm: &Vm, qualname: &'q str) -> &'q str {
    if vm.options.python >= gilsim_core::PythonVersion::new(3, 10) {
        qualname
    } else {
        qualname.rsplit('.').next().unwrap_or(qualname)
    }
}

/// Bind the arguments of a native that CPython writes in Python to its parameters as a call
/// of that function would (`random.sample(items, k=3)`): `params[..positional]` are positional
/// or keyword, the rest keyword-only, the first `required` must be given. One value per
/// parameter, None where omitted; CPython's messages for a wrong call, which count a bound
/// method's `self` among the positional arguments (`method`).
pub(crate) fn py_bind(
    vm: &mut Vm,
    (qualname, method): (&str, bool),
    args: &Args,
    params: &[&str],
    positional: usize,
    required: usize,
) -> Result<Vec<Option<Value>>, Control> {
    let fname = py_function_name(vm, qualname);
    if args.pos.len() > positional {
        let this = usize::from(method);
        let given = args.pos.len() + this;
        let message = crate::bind::too_many_positional(fname, required + this, positional + this, given);
        return Err(vm.raise_msg(Exc::TypeError, message));
    }
    let mut bound: Vec<Option<Value>> = args.pos.iter().cloned().map(Some).collect();
    bound.resize(params.len(), None);
    for (name, value) in &args.kw {
        let Some(i) = params.iter().position(|p| **p == **name) else {
            let message = crate::suggestions::unexpected_keyword(vm, fname, name, params);
            return Err(vm.raise_msg(Exc::TypeError, message));
        };
        if bound[i].is_some() {
            let message = format!("{fname}() got multiple values for argument '{name}'");
            return Err(vm.raise_msg(Exc::TypeError, message));
        }
        bound[i] = Some(value.clone());
    }
    let missing: Vec<String> =
        params[..required].iter().zip(&bound).filter(|(_, v)| v.is_none()).map(|(p, _)| p.to_string()).collect();
    if !missing.is_empty() {
        return Err(vm.missing_args(fname, "positional", &missing));
    }
    Ok(bound)
}

/// Check the argument count of a C method that takes keywords too, receiver excluded:
/// `acquire() takes at most 2 arguments (3 given)` (PyArg_ParseTupleAndKeywords; methods
/// without keywords go through [`method_arity`]).
#[inline]
pub(crate) fn c_method_arity(vm: &mut Vm, shown: &str, args: &Args, max: usize) -> Result<(), Control> {
    let given = args.pos.len().saturating_sub(1);
    if given <= max {
        return Ok(());
    }
    Err(c_method_arity_error(vm, shown, given, max))
}

#[inline(never)]
fn c_method_arity_error(vm: &mut Vm, shown: &str, given: usize, max: usize) -> Control {
    let takes = match max {
        0 => "no arguments".to_string(),
        1 => "at most 1 argument".to_string(),
        _ => format!("at most {max} arguments"),
    };
    vm.raise_msg(Exc::TypeError, format!("{shown}() takes {takes} ({given} given)"))
}

pub(crate) fn kwarg(args: &Args, name: &str) -> Option<Value> {
    args.kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v.clone())
}

pub(crate) fn int_arg(vm: &mut Vm, v: &Value, what: &str) -> Result<i64, Control> {
    match crate::immutable_subclass::value_of(v) {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::Long(_) => Err(vm.raise_msg(Exc::OverflowError, "Python int too large to convert to C ssize_t")),
        other => Err(vm.raise_msg(
            Exc::TypeError,
            format!("'{}' object cannot be interpreted as an integer{what}", type_name_of(other)),
        )),
    }
}

pub(crate) fn number_arg(vm: &mut Vm, v: &Value, what: &str) -> Result<f64, Control> {
    match vm.float_operand(crate::immutable_subclass::value_of(v))? {
        Some(f) => Ok(f),
        None => Err(vm.raise_msg(Exc::TypeError, format!("{what}: '{}' object is not a number", type_name_of(v)))),
    }
}

native!(LEN, "len", len, no_switch, fast = len_fast);
native!(RANGE, "range", range);
native!(XRANGE, "_gilsim_xrange", xrange);
native!(REPR, "repr", repr);
native!(ASCII, "ascii", ascii);
native!(SORTED, "sorted", sorted);
native!(REVERSED, "reversed", reversed);
native!(MIN, "min", min);
native!(MAX, "max", max);
native!(SUM, "sum", sum);
native!(ABS, "abs", abs);
native!(ROUND, "round", round);
native!(ENUMERATE, "enumerate", enumerate);
native!(ZIP, "zip", zip);
native!(MAP, "map", map);
native!(FILTER, "filter", filter);
native!(ANY, "any", any);
native!(ALL, "all", all);
native!(
    ISINSTANCE,
    "isinstance",
    crate::class_checks::isinstance,
    no_switch,
    fast = crate::class_checks::isinstance_fast
);
native!(ISSUBCLASS, "issubclass", crate::class_checks::issubclass);
native!(HASATTR, "hasattr", hasattr);
native!(VARS, "vars", vars);
native!(GETATTR, "getattr", getattr);
native!(SETATTR, "setattr", setattr);
native!(DELATTR, "delattr", |vm, th, args| {
    arity(vm, "delattr", args, 2, 2)?;
    let name = attr_name(vm, &args.pos[1])?;
    vm.del_attr(th, &args.pos[0], &name)?;
    Ok(Value::None)
});
native!(ID, "id", id);
native!(TYPE, "type", type_, no_switch);
native!(TYPE_CALL, "type.__call__", |vm, _th, args| {
    // `type.__call__(cls, *args)`: make an instance the usual way (a metaclass's `__call__`
    // reaches it through super()).
    match args.pos.first() {
        Some(Value::Class(class)) => {
            let class = class.clone();
            args.pos.remove(0);
            Err(Control::Instantiate(Box::new((class, std::mem::take(args)))))
        }
        _ => Err(vm.raise_msg(Exc::TypeError, "descriptor '__call__' requires a 'type' object")),
    }
});
native!(SUPER, "super", super_);
// `aiter(x)` and `anext(it[, default])` (3.10+): `x.__aiter__()` and `it.__anext__()`, with a
// default library/gilsim_async.py's `anext_default`, which answers StopAsyncIteration with it.
native!(AITER, "aiter", |vm, _th, args| {
    arity(vm, "aiter", args, 1, 1)?;
    async_protocol_call(vm, args.pos[0].clone(), "__aiter__", "iterable")
});
native!(ANEXT, "anext", |vm, th, args| {
    arity(vm, "anext", args, 1, 2)?;
    if args.pos.len() == 2 && vm.user_method(&args.pos[0], "__anext__").is_some() {
        return Err(vm.library_tail_call(th, "_gilsim_async", "anext_default", std::mem::take(args)));
    }
    async_protocol_call(vm, args.pos[0].clone(), "__anext__", "iterator")
});

/// `obj.method()` of the async iteration protocol, or CPython's TypeError for an object
/// without it.
fn async_protocol_call(vm: &mut Vm, obj: Value, method: &str, what: &str) -> NResult {
    match vm.user_method(&obj, method) {
        Some(function) => Err(Control::call(function, Args::new(vec![obj]))),
        None => {
            let message = format!("'{}' object is not an async {what}", type_name_of(&obj));
            Err(vm.raise_msg(Exc::TypeError, message))
        }
    }
}
// `exit(code)` and `quit(code)`: the `site` module's helpers, SystemExit as `sys.exit` raises it.
native!(EXIT, "exit", |vm, _th, args| site_exit(vm, args));
native!(QUIT, "quit", |vm, _th, args| site_exit(vm, args));

fn site_exit(vm: &mut Vm, args: &Args) -> NResult {
    arity(vm, "exit", args, 0, 1)?;
    Err(Control::Raise(vm.new_exception_args(Exc::SystemExit, args.pos.clone())))
}
native!(ITER, "iter", iter);
native!(NEXT, "next", next);
native!(HASH, "hash", hash);
// `open(...)` is `io.open(...)` (library/io.py, over the simulated files of crate::files).
native!(OPEN, "open", |vm, th, args| { Err(vm.library_tail_call(th, "io", "open", std::mem::take(args))) });
// `input(prompt)`: `_gilsim_stdin.input` (library/gilsim_stdin.py; standard input is empty).
native!(INPUT, "input", |vm, th, args| {
    Err(vm.library_tail_call(th, "_gilsim_stdin", "input", std::mem::take(args)))
});
native!(CHR, "chr", chr);
native!(ORD, "ord", ord);
native!(DIVMOD, "divmod", divmod);
native!(POW, "pow", pow);
native!(CALLABLE, "callable", callable);
native!(FORMAT, "format", format);
native!(HEX, "hex", |vm, th, args| radix_text(vm, th, args, "hex", "#x"));
native!(OCT, "oct", |vm, th, args| radix_text(vm, th, args, "oct", "#o"));
native!(BIN, "bin", |vm, th, args| radix_text(vm, th, args, "bin", "#b"));
native!(STATICMETHOD, "staticmethod", staticmethod);
native!(CLASSMETHOD, "classmethod", classmethod);

/// Every builtin of every version, with the first version that has it (one newer than the
/// simulated version is missing, as in that CPython).
pub fn table(types: &Types) -> Vec<(&'static str, Value, gilsim_core::PythonVersion)> {
    let always = gilsim_core::PythonVersion::new(2, 0);
    let singleton = |class: &Rc<crate::value::Class>| {
        Value::Instance(Rc::new(crate::value::Instance::new(class.clone(), crate::value::Slot::None)))
    };
    let mut t: Vec<(&'static str, Value)> = vec![
        ("Ellipsis", singleton(&types.ellipsis)),
        ("NotImplemented", singleton(&types.not_implemented)),
        ("print", Value::Native(&crate::print::PRINT)),
        ("len", Value::Native(&LEN)),
        ("range", Value::Class(types.range.clone())),
        ("_gilsim_xrange", Value::Native(&XRANGE)),
        ("repr", Value::Native(&REPR)),
        ("ascii", Value::Native(&ASCII)),
        ("sorted", Value::Native(&SORTED)),
        ("reversed", Value::Native(&REVERSED)),
        ("min", Value::Native(&MIN)),
        ("max", Value::Native(&MAX)),
        ("sum", Value::Native(&SUM)),
        ("abs", Value::Native(&ABS)),
        ("round", Value::Native(&ROUND)),
        ("enumerate", Value::Class(types.iterator_type("enumerate"))),
        ("zip", Value::Class(types.iterator_type("zip"))),
        ("map", Value::Class(types.iterator_type("map"))),
        ("filter", Value::Class(types.iterator_type("filter"))),
        ("any", Value::Native(&ANY)),
        ("all", Value::Native(&ALL)),
        ("isinstance", Value::Native(&ISINSTANCE)),
        ("issubclass", Value::Native(&ISSUBCLASS)),
        ("hasattr", Value::Native(&HASATTR)),
        ("vars", Value::Native(&VARS)),
        ("locals", Value::Native(&crate::scope_dicts::LOCALS)),
        ("globals", Value::Native(&crate::scope_dicts::GLOBALS)),
        ("dir", Value::Native(&crate::dir::DIR)),
        ("input", Value::Native(&INPUT)),
        ("slice", Value::Class(types.slice.clone())),
        ("getattr", Value::Native(&GETATTR)),
        ("setattr", Value::Native(&SETATTR)),
        ("delattr", Value::Native(&DELATTR)),
        ("id", Value::Native(&ID)),
        ("type", Value::Class(types.type_.clone())),
        ("super", Value::Native(&SUPER)),
        ("exit", Value::Native(&EXIT)),
        ("quit", Value::Native(&QUIT)),
        ("iter", Value::Native(&ITER)),
        ("next", Value::Native(&NEXT)),
        ("hash", Value::Native(&HASH)),
        ("chr", Value::Native(&CHR)),
        ("ord", Value::Native(&ORD)),
        ("divmod", Value::Native(&DIVMOD)),
        ("pow", Value::Native(&POW)),
        ("callable", Value::Native(&CALLABLE)),
        ("format", Value::Native(&FORMAT)),
        ("hex", Value::Native(&HEX)),
        ("oct", Value::Native(&OCT)),
        ("bin", Value::Native(&BIN)),
        ("property", Value::Native(&crate::property::PROPERTY)),
        ("staticmethod", Value::Native(&STATICMETHOD)),
        ("classmethod", Value::Native(&CLASSMETHOD)),
        ("object", Value::Class(types.object.clone())),
        ("int", Value::Class(types.int.clone())),
        ("float", Value::Class(types.float.clone())),
        ("str", Value::Class(types.str_.clone())),
        ("bytes", Value::Class(types.bytes.clone())),
        ("bytearray", Value::Class(types.bytearray.clone())),
        ("open", Value::Native(&OPEN)),
        ("__import__", Value::Native(&crate::import_builtin::DUNDER_IMPORT)),
        ("bool", Value::Class(types.bool_.clone())),
        ("list", Value::Class(types.list.clone())),
        ("tuple", Value::Class(types.tuple.clone())),
        ("dict", Value::Class(types.dict.clone())),
        ("set", Value::Class(types.set.clone())),
        ("frozenset", Value::Class(types.frozenset.clone())),
    ];
    // PEP 3151 merged these into OSError; the old names remain aliases of it.
    let os_error = Value::Class(types.exception(crate::types::Exc::OSError));
    t.extend([("IOError", os_error.clone()), ("EnvironmentError", os_error)]);
    t.extend(crate::print2::builtins());
    let mut table: Vec<_> = t.into_iter().map(|(name, value)| (name, value, always)).collect();
    let python_310 = PythonVersion::new(3, 10);
    table.extend([("aiter", Value::Native(&AITER), python_310), ("anext", Value::Native(&ANEXT), python_310)]);
    for (exc, class) in crate::types::Exc::ALL.iter().zip(&types.exceptions) {
        if exc.module() == "builtins" {
            table.push((exc.name(), Value::Class(class.clone()), exc.since()));
        }
    }
    table
}

fn len(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "len", args, 1, 1)?;
    let n = match &args.pos[0] {
        Value::Str(s) => s.char_len(),
        Value::Bytes(b) => b.len(),
        Value::ByteArray(b) => b.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::List(l) => l.borrow().len(),
        Value::Dict(d) => d.borrow().len(),
        Value::Set(s) => s.borrow().len(),
        Value::View(view) => view.len(),
        Value::Range(r) => match usize::try_from(r.len()) {
            Ok(n) if n <= i64::MAX as usize => n,
            _ => return Err(vm.raise_msg(Exc::OverflowError, "Python int too large to convert to C ssize_t")),
        },
        v @ Value::Instance(inst) => match vm.class_lookup(&inst.class, &vm.lookups.len.clone()) {
            // A native `__len__` (the library's deque): called in place, as a C type's.
            Some(Value::Native(method)) if method.receiver => return (method.func)(vm, th, args),
            // A Python `__len__` runs as a frame of the thread (see crate::hooks).
            Some(method @ Value::Function(_)) => {
                return Err(crate::hooks::Hook::control(method, vec![v.clone()], crate::hooks::Then::Value));
            }
            _ => return len_of_other(vm, th, v),
        },
        v @ Value::Class(_) => return len_of_other(vm, th, v),
        other => {
            return Err(vm.raise_msg(Exc::TypeError, format!("object of type '{}' has no len()", type_name_of(other))))
        }
    };
    Ok(Value::Int(n as i64))
}

/// `len()` of a class (its metaclass's `__len__`) or of an instance without a `__len__` of
/// its own class's (its built-in base's length).
fn len_of_other(vm: &mut Vm, th: &mut Thread, v: &Value) -> NResult {
    match vm.call_user_dunder(th, v, "__len__")? {
        Some(r) => Ok(r),
        None if v.container_base().is_some() => {
            len(vm, th, &mut Args::new(vec![v.container_base().expect("checked").clone()]))
        }
        None => Err(vm.raise_msg(Exc::TypeError, format!("object of type '{}' has no len()", type_name_of(v)))),
    }
}

/// `len(x)` of a built-in container or string, read on the value stack (CPython's
/// `CALL_NO_KW_LEN`); anything else takes [`len`].
fn len_fast(vm: &mut Vm, args: &[Value]) -> Option<Value> {
    let n = match args {
        // A native `__len__`'s own fast path (the library's deque).
        [Value::Instance(inst)] => match vm.class_lookup(&inst.class, &vm.lookups.len.clone())? {
            Value::Native(method) if method.receiver => return method.fast?(vm, args),
            _ => return None,
        },
        [Value::List(l)] => l.borrow().len(),
        [Value::Tuple(t)] => t.len(),
        [Value::Dict(d)] => d.borrow().len(),
        [Value::Set(s)] => s.borrow().len(),
        [Value::Str(s)] => s.char_len(),
        [Value::Bytes(b)] => b.len(),
        [Value::ByteArray(b)] => b.borrow().len(),
        _ => return None,
    };
    Some(Value::Int(n as i64))
}

/// `range()`: a lazy range; under 2.7 a list, as Python 2's (`xrange` is the lazy one there).
fn range(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    let lazy = xrange(vm, th, args)?;
    let Value::Range(r) = &lazy else { return Ok(lazy) };
    if vm.options.python.major != 2 {
        return Ok(lazy);
    }
    let len = usize::try_from(r.len()).map_err(|_| vm.raise_memory_error())?;
    vm.charge_slots(len, 56)?;
    let items = (0..len as i128).map(|i| crate::value::int_value(r.start + i * r.step)).collect();
    Ok(Value::List(Rc::new(crate::PyCell::new(items))))
}

/// The lazy range (`range` from 3.0; what the front end makes of 2.7's `xrange`).
fn xrange(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "range", args, 1, 3)?;
    let mut ints: Vec<i128> = Vec::new();
    for given in &args.pos {
        let bound = match vm.number_index(th, given)?.int() {
            int::Int::Small(i) => i128::from(i),
            int::Int::Big(b) => match num_traits::ToPrimitive::to_i128(b) {
                Some(i) if i.unsigned_abs() < (1 << 125) => i,
                _ => return Err(vm.raise_msg(Exc::OverflowError, "gilsim ranges are limited to about ±2**125")),
            },
        };
        ints.push(bound);
    }
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        _ => unreachable!("arity checked"),
    };
    if step == 0 {
        return Err(vm.raise_msg(Exc::ValueError, "range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(RangeObj { start, stop, step })))
}

fn repr(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "repr", args, 1, 1)?;
    if let Some(hook) = vm.format_hook(&args.pos[0], b'r', "") {
        // A Python `__repr__` runs as a frame of the thread (see crate::hooks).
        return Err(Control::Hook(Box::new(hook)));
    }
    Ok(Value::str(&vm.repr_of(th, &args.pos[0])?))
}

/// `ascii(x)`: the repr with every non-ASCII character escaped (`\xe9`, `\u20ac`,
/// `\U0001f600`), as CPython's `PyObject_ASCII`.
fn ascii(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "ascii", args, 1, 1)?;
    let text = vm.repr_of(th, &args.pos[0])?;
    Ok(Value::str(&ascii_escaped(&text)))
}

/// A repr with its non-ASCII characters escaped, as `ascii()` and the `!a` conversion give it.
pub(crate) fn ascii_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            code @ 0x80..=0xff => out.push_str(&format!("\\x{code:02x}")),
            code @ 0x100..=0xffff => out.push_str(&format!("\\u{code:04x}")),
            code => out.push_str(&format!("\\U{code:08x}")),
        }
    }
    out
}

/// Sort with Python's comparison; the first comparison error is raised.
pub(crate) fn sort_values(
    vm: &mut Vm,
    th: &mut Thread,
    items: &mut [Value],
    key: Option<Value>,
    reverse: bool,
) -> Result<(), Control> {
    let keys: Vec<Value> = match &key {
        Some(k) if !k.is_none() => {
            items.iter().map(|v| vm.call_nested(th, k.clone(), Args::new(vec![v.clone()]))).collect::<Result<_, _>>()?
        }
        _ => items.to_vec(),
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut error = None;
    order.sort_by(|&a, &b| {
        if error.is_some() {
            return Ordering::Equal;
        }
        let (x, y) = if reverse { (&keys[b], &keys[a]) } else { (&keys[a], &keys[b]) };
        match vm.order(th, CmpOp::Lt, x, y) {
            Ok(o) => o,
            Err(e) => {
                error = Some(e);
                Ordering::Equal
            }
        }
    });
    if let Some(e) = error {
        return Err(e);
    }
    let sorted: Vec<Value> = order.iter().map(|&i| items[i].clone()).collect();
    items.clone_from_slice(&sorted);
    Ok(())
}

fn sorted(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "sorted", args, 1, 1)?;
    vm.unless_iterated_in_python(th, args, |_| Value::Native(&SORTED))?;
    let mut items = vm.collect(th, &args.pos[0])?;
    let reverse = match kwarg(args, "reverse") {
        Some(v) => vm.truthy(th, &v)?,
        None => false,
    };
    sort_values(vm, th, &mut items, kwarg(args, "key"), reverse)?;
    Ok(Value::list(items))
}

fn snapshot_iter(items: Vec<Value>) -> Value {
    iterator(IterState::Snapshot { items, index: 0 })
}

fn reversed(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "reversed", args, 1, 1)?;
    if let Value::View(view) = &args.pos[0] {
        return vm.view_reversed(view);
    }
    let mut items = vm.collect(th, &args.pos[0])?;
    items.reverse();
    Ok(snapshot_iter(items))
}

fn min_max(vm: &mut Vm, th: &mut Thread, args: &mut Args, name: &str, want: Ordering) -> NResult {
    let builtin: fn(&Vm) -> Value =
        if want == Ordering::Less { |_| Value::Native(&MIN) } else { |_| Value::Native(&MAX) };
    if args.pos.len() == 1 {
        vm.unless_first_iterated_in_python(th, args, builtin)?;
    }
    let items = if args.pos.len() == 1 { vm.collect(th, &args.pos[0])? } else { args.pos.clone() };
    if items.is_empty() {
        return match kwarg(args, "default") {
            Some(d) => Ok(d),
            None => Err(vm.raise_msg(Exc::ValueError, format!("{name}() arg is an empty sequence"))),
        };
    }
    let key = kwarg(args, "key").filter(|k| !k.is_none());
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call_nested(th, k.clone(), Args::new(vec![best.clone()]))?,
        None => best.clone(),
    };
    for item in items.into_iter().skip(1) {
        let k = match &key {
            Some(k) => vm.call_nested(th, k.clone(), Args::new(vec![item.clone()]))?,
            None => item.clone(),
        };
        // CPython asks `item < best` for min and `item > best` for max: on a tie the first
        // item stays, even for a class whose comparisons are written in Python.
        let op = if want == Ordering::Less { CmpOp::Lt } else { CmpOp::Gt };
        if vm.order(th, op, &k, &best_key)? == want {
            best = item;
            best_key = k;
        }
    }
    Ok(best)
}

fn min(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "min", args, 1, usize::MAX)?;
    min_max(vm, th, args, "min", Ordering::Less)
}

fn max(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "max", args, 1, usize::MAX)?;
    min_max(vm, th, args, "max", Ordering::Greater)
}

/// `sum()`, with CPython's int and float loops (see [`crate::float_sum`]).
fn sum(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "sum", args, 1, 2)?;
    vm.unless_first_iterated_in_python(th, args, |_| Value::Native(&SUM))?;
    let start = args.pos.get(1).cloned().or_else(|| kwarg(args, "start")).unwrap_or(Value::Int(0));
    let compensated = vm.options.python >= gilsim_core::PythonVersion::new(3, 12);
    let mut total = Total::new(start);
    let add = |vm: &mut Vm, th: &mut Thread, total: Value, item| {
        vm.binary_op(th, gilsim_bytecode::BinOp::Add, total, item, false)
    };
    vm.for_each(th, &args.pos[0], |vm, th, item| {
        total = match std::mem::replace(&mut total, Total::Value(Value::None)) {
            // The int loop: its sum is exact, as `+`'s; a float result starts the float loop.
            Total::Value(Value::Int(i)) => Total::Value(add(vm, th, Value::Int(i), item)?).entering_float_loop(),
            mut float @ Total::Float { .. } => match float.add_in_float_loop(item, compensated) {
                Ok(()) => float,
                Err(item) => Total::Generic(add(vm, th, float.value(), item)?),
            },
            Total::Value(v) | Total::Generic(v) => Total::Generic(add(vm, th, v, item)?),
        };
        Ok(true)
    })?;
    Ok(total.value())
}

fn abs(vm: &mut Vm, _th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "abs", args, 1, 1)?;
    if let Some(method) = vm.user_method(&args.pos[0], "__abs__") {
        return Err(crate::hooks::Hook::control(method, std::mem::take(&mut args.pos), crate::hooks::Then::Value));
    }
    match crate::immutable_subclass::value_of(&args.pos[0]) {
        v @ (Value::Int(_) | Value::Bool(_) | Value::Long(_)) => Ok(vm.int_abs(int::as_int(v).expect("an int"))),
        Value::Float(f) => Ok(Value::float(f.get().abs())),
        other => Err(vm.raise_msg(Exc::TypeError, format!("bad operand type for abs(): '{}'", type_name_of(other)))),
    }
}

fn round(vm: &mut Vm, _th: &mut Thread, args: &mut Args) -> NResult {
    if vm.options.python.major == 2 {
        return crate::round2::round(vm, args);
    }
    arity(vm, "round", args, 1, 2)?;
    if let Some(method) = vm.user_method(&args.pos[0], "__round__") {
        return Err(crate::hooks::Hook::control(method, std::mem::take(&mut args.pos), crate::hooks::Then::Value));
    }
    let digits = match args.pos.get(1).cloned().or_else(|| kwarg(args, "ndigits")) {
        None | Some(Value::None) => None,
        Some(v) => Some(int_arg(vm, &v, "")?),
    };
    let number = crate::immutable_subclass::value_of(&args.pos[0]).clone();
    match (&number, digits) {
        (Value::Int(i), Some(n)) if n < 0 => Ok(Value::Int(round_int(*i, n))),
        (Value::Int(_) | Value::Long(_), _) => Ok(number.clone()),
        (Value::Bool(b), _) => Ok(Value::Int(i64::from(*b))),
        (Value::Float(f), None) => {
            let r = f.get().round_ties_even();
            if !r.is_finite() {
                return Err(vm.raise_msg(Exc::OverflowError, "cannot convert float infinity to integer"));
            }
            Ok(Value::Int(r as i64))
        }
        (Value::Float(f), Some(n)) => {
            Ok(Value::float(crate::round2::round_decimal(f.get(), n, crate::round2::Ties::Even)))
        }
        (other, _) => {
            Err(vm.raise_msg(Exc::TypeError, format!("type {} doesn't define __round__ method", type_name_of(other))))
        }
    }
}

/// `round(i, n)` for n < 0: to a multiple of 10**-n, halves to even (CPython's int rounding).
fn round_int(i: i64, n: i64) -> i64 {
    let Some(unit) = u32::try_from(-n).ok().and_then(|k| 10i128.checked_pow(k)) else { return 0 };
    let (i, unit) = (i128::from(i), unit);
    let (quotient, remainder) = (i.div_euclid(unit), i.rem_euclid(unit));
    let up = 2 * remainder > unit || (2 * remainder == unit && quotient % 2 != 0);
    let rounded = (quotient + i128::from(up)) * unit;
    i64::try_from(rounded).unwrap_or(if rounded < 0 { i64::MIN } else { i64::MAX })
}

fn enumerate(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    vm.lazily_unless_iterated_in_python(th, args, "enumerate")?;
    arity(vm, "enumerate", args, 1, 2)?;
    let start = match args.pos.get(1).cloned().or_else(|| kwarg(args, "start")) {
        Some(v) => int_arg(vm, &v, "")?,
        None => 0,
    };
    let inner = vm.get_iter(th, args.pos[0].clone())?;
    Ok(iterator(IterState::Enumerate { inner, count: start }))
}

/// The iterators over each of `iterables`.
fn iterators_of(vm: &mut Vm, th: &mut Thread, iterables: &[Value]) -> Result<Vec<Value>, Control> {
    iterables.iter().map(|v| vm.get_iter(th, v.clone())).collect()
}

fn zip(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    if !args.kw.is_empty() && vm.options.python < PythonVersion::new(3, 10) {
        // `strict=` came in 3.10.
        let message = if vm.options.python >= PythonVersion::new(3, 7) {
            "zip() takes no keyword arguments"
        } else {
            "zip() does not take keyword arguments"
        };
        return Err(vm.raise_msg(Exc::TypeError, message));
    }
    if let Some((name, _)) = args.kw.iter().find(|(name, _)| &**name != "strict") {
        let message = if vm.options.python >= PythonVersion::new(3, 13) {
            format!("zip() got an unexpected keyword argument '{name}'")
        } else {
            format!("'{name}' is an invalid keyword argument for zip()")
        };
        return Err(vm.raise_msg(Exc::TypeError, message));
    }
    if let Some((_, strict)) = args.kw.pop() {
        if vm.truthy(th, &strict)? {
            // The Python twin checks the lengths as it goes, with CPython's messages.
            args.kw.push((Str::from("strict"), strict));
            return Err(vm.library_tail_call(th, "_gilsim_iter", "zip", std::mem::take(args)));
        }
    }
    vm.lazily_unless_iterated_in_python(th, args, "zip")?;
    let inners = iterators_of(vm, th, &args.pos)?;
    Ok(iterator(IterState::Zip { inners }))
}

fn map(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    vm.lazily_unless_iterated_in_python(th, args, "map")?;
    if args.pos.len() < 2 {
        return Err(vm.raise_msg(Exc::TypeError, "map() must have at least two arguments."));
    }
    let inners = iterators_of(vm, th, &args.pos[1..])?;
    Ok(iterator(IterState::Map { func: args.pos[0].clone(), inners }))
}

fn filter(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    vm.lazily_unless_iterated_in_python(th, args, "filter")?;
    arity(vm, "filter", args, 2, 2)?;
    let inner = vm.get_iter(th, args.pos[1].clone())?;
    Ok(iterator(IterState::Filter { func: args.pos[0].clone(), inner }))
}

fn any(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    vm.lazily_unless_iterated_in_python(th, args, "any")?;
    arity(vm, "any", args, 1, 1)?;
    let mut found = false;
    vm.for_each(th, &args.pos[0], |vm, th, v| {
        found = vm.truthy(th, &v)?;
        Ok(!found)
    })?;
    Ok(Value::bool(found))
}

fn all(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    vm.lazily_unless_iterated_in_python(th, args, "all")?;
    arity(vm, "all", args, 1, 1)?;
    let mut every = true;
    vm.for_each(th, &args.pos[0], |vm, th, v| {
        every = vm.truthy(th, &v)?;
        Ok(every)
    })?;
    Ok(Value::bool(every))
}

fn attr_name(vm: &mut Vm, v: &Value) -> Result<String, Control> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        other => {
            Err(vm.raise_msg(Exc::TypeError, format!("attribute name must be string, not '{}'", type_name_of(other))))
        }
    }
}

/// `vars(obj)`: `obj.__dict__`, or CPython's TypeError for objects without one.
fn vars(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "vars", args, 0, 1)?;
    if args.pos.is_empty() {
        return Ok(crate::scope_dicts::caller_locals(vm, th));
    }
    match vm.get_attr(th, &args.pos[0], "__dict__") {
        Err(Control::Raise(e)) if vm.is_instance_of(&e, Exc::AttributeError) => {
            Err(vm.raise_msg(Exc::TypeError, "vars() argument must have __dict__ attribute"))
        }
        other => other,
    }
}

fn hasattr(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "hasattr", args, 2, 2)?;
    let name = attr_name(vm, &args.pos[1])?;
    match vm.get_attr(th, &args.pos[0], &name) {
        Ok(_) => Ok(Value::Bool(Truth::True)),
        Err(Control::Raise(e)) if vm.is_instance_of(&e, Exc::AttributeError) => Ok(Value::Bool(Truth::False)),
        Err(e) => Err(e),
    }
}

fn getattr(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "getattr", args, 2, 3)?;
    let name = attr_name(vm, &args.pos[1])?;
    match vm.get_attr(th, &args.pos[0], &name) {
        Err(Control::Raise(e)) if args.pos.len() == 3 && vm.is_instance_of(&e, Exc::AttributeError) => {
            Ok(args.pos[2].clone())
        }
        other => other,
    }
}

fn setattr(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "setattr", args, 3, 3)?;
    let name = attr_name(vm, &args.pos[1])?;
    vm.set_attr(th, &args.pos[0], &crate::Str::from(name.as_str()), args.pos[2].clone())?;
    Ok(Value::None)
}

fn id(vm: &mut Vm, _th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "id", args, 1, 1)?;
    Ok(Value::Int(vm.object_id(&args.pos[0]) as i64))
}

/// `type(x)`, `type(name, bases, namespace)`, and `type.__new__(metaclass, name, bases,
/// namespace)` as a metaclass's `__new__` calls it.
fn type_(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    let (metaclass, rest) = match args.pos.as_slice() {
        [x] => return Ok(Value::Class(vm.class_of(x))),
        [Value::Class(meta), rest @ ..] if rest.len() == 3 => (Some(meta.clone()), rest),
        rest if rest.len() == 3 => (None, rest),
        _ => return Err(vm.raise_msg(Exc::TypeError, "type() takes 1 or 3 arguments")),
    };
    let [name, bases, namespace] = rest else { unreachable!("three arguments") };
    let (Value::Str(name), Value::Dict(namespace)) = (name, namespace) else {
        return Err(vm.raise_msg(Exc::TypeError, "type.__new__() argument 1 must be str and argument 3 a dict"));
    };
    let bases = vm.class_bases(bases)?;
    let module = vm.current_module_name(th);
    let Some(metaclass) = metaclass else {
        // `type(name, bases, namespace)` is the bases' metaclass called with them.
        let metaclass = vm.metaclass_of(None, &bases)?;
        let header = crate::class::ClassHeader {
            name: name.clone(),
            bases,
            metaclass,
            keywords: std::mem::take(&mut args.kw),
            orig_bases: None,
        };
        return vm.finish_class(th, header, namespace, module);
    };
    let metaclass = Some(metaclass).filter(|m| !Rc::ptr_eq(m, &vm.types.type_));
    let parts = crate::class::ClassParts {
        name: name.clone(),
        bases,
        namespace,
        module,
        metaclass,
        keywords: std::mem::take(&mut args.kw),
    };
    vm.make_class(th, parts)
}

fn super_(vm: &mut Vm, _th: &mut Thread, args: &mut Args) -> NResult {
    let [Value::Class(class), obj] = args.pos.as_slice() else {
        return Err(vm.raise_msg(Exc::RuntimeError, "super(): gilsim supports super() and super(Class, self)"));
    };
    let inside = matches!(obj, Value::Class(c) if c.is_subclass_of(class)) || vm.class_of(obj).is_subclass_of(class);
    if !inside {
        return Err(vm.raise_msg(Exc::TypeError, "super(type, obj): obj must be an instance or subtype of type"));
    }
    Ok(crate::modules::make_super(vm, class, obj.clone()))
}

fn iter(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "iter", args, 1, 2)?;
    if args.pos.len() == 2 {
        // `iter(callable, sentinel)`: the calls (`iter(q.get, None)` blocks) run in the thread's
        // own frames, in the generator `_gilsim_iter.callable_iterator`.
        if !is_callable(&args.pos[0]) {
            return Err(vm.raise_msg(Exc::TypeError, "iter(v, w): v must be callable"));
        }
        return Err(vm.library_tail_call(th, "_gilsim_iter", "callable_iterator", std::mem::take(args)));
    }
    vm.get_iter(th, args.pos[0].clone())
}

fn next(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "next", args, 1, 2)?;
    let it = args.pos[0].clone();
    if let (Some(method), 0) = (vm.user_method(&it, "__next__"), vm.nested) {
        // A Python `__next__` (a generator's too) runs in the thread's own frames, where it
        // may block; a default is returned by a Python helper that catches StopIteration.
        return Err(match args.pos.get(1) {
            None => Control::call(method, Args::new(vec![it])),
            Some(default) => {
                let default = default.clone();
                vm.library_tail_call(th, "_gilsim_iter", "next_or", Args::new(vec![it, default]))
            }
        });
    }
    let item = vm.next_item(th, &it)?;
    match item {
        Some(v) => Ok(v),
        None => match args.pos.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(Control::Raise(vm.new_exception_args(Exc::StopIteration, vec![]))),
        },
    }
}

fn hash(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "hash", args, 1, 1)?;
    let key = vm.key(th, args.pos[0].clone())?;
    Ok(Value::Int(vm.hash_of(th, &key.0)?))
}

fn chr(vm: &mut Vm, _th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "chr", args, 1, 1)?;
    let i = int_arg(vm, &args.pos[0], "")?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::str(c.encode_utf8(&mut [0; 4]))),
        None => Err(vm.raise_msg(Exc::ValueError, "chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, _th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "ord", args, 1, 1)?;
    match crate::immutable_subclass::value_of(&args.pos[0]) {
        Value::Str(s) if s.chars().count() == 1 => Ok(Value::Int(s.chars().next().expect("one char") as i64)),
        Value::Str(s) => Err(vm.raise_msg(
            Exc::TypeError,
            format!("ord() expected a character, but string of length {} found", s.chars().count()),
        )),
        // A byte string of one byte is that byte (CPython's `ord(b"a")`).
        bytes @ (Value::Bytes(_) | Value::ByteArray(_)) => {
            let content: Vec<u8> = match bytes {
                Value::Bytes(b) => b.to_vec(),
                Value::ByteArray(a) => a.borrow().clone(),
                _ => unreachable!("a byte string"),
            };
            match content[..] {
                [byte] => Ok(Value::Int(i64::from(byte))),
                _ => Err(vm.raise_msg(
                    Exc::TypeError,
                    format!("ord() expected a character, but string of length {} found", content.len()),
                )),
            }
        }
        other => Err(vm.raise_msg(
            Exc::TypeError,
            format!("ord() expected string of length 1, but {} found", type_name_of(other)),
        )),
    }
}

fn divmod(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "divmod", args, 2, 2)?;
    if let Some(result) = divmod_by_dunders(vm, th, &args.pos[0], &args.pos[1])? {
        return Ok(result);
    }
    let q = vm.binary_op(th, gilsim_bytecode::BinOp::FloorDiv, args.pos[0].clone(), args.pos[1].clone(), false)?;
    let r = vm.binary_op(th, gilsim_bytecode::BinOp::Mod, args.pos[0].clone(), args.pos[1].clone(), false)?;
    Ok(Value::tuple(vec![q, r]))
}

/// `divmod(a, b)` of instances: `a.__divmod__(b)`, else `b.__rdivmod__(a)`; None when
/// neither is an instance, or both lack the methods and one has a built-in base (its own
/// `//` and `%`).
fn divmod_by_dunders(vm: &mut Vm, th: &mut Thread, a: &Value, b: &Value) -> Result<Option<Value>, Control> {
    if !matches!(a, Value::Instance(_)) && !matches!(b, Value::Instance(_)) {
        return Ok(None);
    }
    for (receiver, name, other) in [(a, "__divmod__", b), (b, "__rdivmod__", a)] {
        if let Some(method) = vm.user_method(receiver, name) {
            let result = vm.call_nested(th, method, Args::new(vec![receiver.clone(), other.clone()]))?;
            if !vm.is_not_implemented(&result) {
                return Ok(Some(result));
            }
        }
    }
    if a.builtin_base().is_some() || b.builtin_base().is_some() {
        return Ok(None);
    }
    let message = format!("unsupported operand type(s) for divmod(): '{}' and '{}'", type_name_of(a), type_name_of(b));
    Err(vm.raise_msg(Exc::TypeError, message))
}

/// `pow(base, exp, mod=None)`; 3.8 made all three keywords (`pow(2, exp=5)`).
fn pow(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    use crate::modules::param;
    if vm.options.python < gilsim_core::PythonVersion::new(3, 8) {
        if !args.kw.is_empty() {
            return Err(vm.raise_msg(Exc::TypeError, "pow() takes no keyword arguments"));
        }
        arity(vm, "pow", args, 2, 3)?;
    } else if args.pos.len() > 3 {
        let message = format!("pow() takes at most 3 arguments ({} given)", args.pos.len());
        return Err(vm.raise_msg(Exc::TypeError, message));
    }
    let (base, exp) = match (param(args, 0, "base"), param(args, 1, "exp")) {
        (Some(base), Some(exp)) => (base, exp),
        (None, _) => return Err(vm.raise_msg(Exc::TypeError, "pow() missing required argument 'base' (pos 1)")),
        (_, None) => return Err(vm.raise_msg(Exc::TypeError, "pow() missing required argument 'exp' (pos 2)")),
    };
    let modulus = param(args, 2, "mod").filter(|m| !m.is_none());
    let Some(modulus) = modulus else {
        return vm.binary_op(th, gilsim_bytecode::BinOp::Pow, base, exp, false);
    };
    match (int::as_int(&base), int::as_int(&exp), int::as_int(&modulus)) {
        (Some(base), Some(exp), Some(m)) => vm.int_pow_mod(base, exp, m),
        _ => Err(vm.raise_msg(Exc::TypeError, "pow() 3rd argument not allowed unless all arguments are integers")),
    }
}

fn callable(vm: &mut Vm, _th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "callable", args, 1, 1)?;
    Ok(Value::bool(is_callable(&args.pos[0])))
}

/// Python's `callable(v)`.
pub(crate) fn is_callable(v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Native(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        _ => false,
    }
}

/// `hex(i)`, `oct(i)`, `bin(i)`: the int in that base with its prefix (`-0x1f`).
fn radix_text(vm: &mut Vm, th: &mut Thread, args: &Args, name: &str, spec: &str) -> NResult {
    arity(vm, name, args, 1, 1)?;
    let number = vm.number_index(th, &args.pos[0])?.into_value();
    let text = vm.format_with_spec(th, &number, spec)?;
    if vm.options.python.major != 2 {
        return Ok(Value::str(&text));
    }
    // 2.7 spells octal with a bare leading zero (`0755`, `0`, `-010`), and a long (past
    // sys.maxint) in hex or octal with a trailing `L`: `0x10000000000000000L` (not in binary).
    let long = if matches!(number, Value::Long(_)) && name != "bin" { "L" } else { "" };
    if name == "oct" {
        let (sign, digits) = text.split_once("0o").unwrap_or(("", &text));
        let digits = if digits == "0" { "" } else { digits };
        return Ok(Value::str(&format!("{sign}0{digits}{long}")));
    }
    Ok(Value::str(&format!("{text}{long}")))
}

fn format(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "format", args, 1, 2)?;
    let spec = match args.pos.get(1) {
        Some(Value::Str(s)) => s.to_string(),
        _ => String::new(),
    };
    if let Some(hook) = vm.format_hook(&args.pos[0], 0, &spec) {
        // A Python `__format__` or `__str__` runs as a frame of the thread (see crate::hooks).
        return Err(Control::Hook(Box::new(hook)));
    }
    Ok(Value::str(&vm.format_with_spec(th, &args.pos[0], &spec)?))
}

fn staticmethod(vm: &mut Vm, _th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "staticmethod", args, 1, 1)?;
    Ok(Vm::descriptor(DescriptorKind::StaticMethod, args.pos[0].clone()))
}

fn classmethod(vm: &mut Vm, _th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "classmethod", args, 1, 1)?;
    Ok(Vm::descriptor(DescriptorKind::ClassMethod, args.pos[0].clone()))
}
