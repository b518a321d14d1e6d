//! Constructors and methods of the built-in types (str, list, dict, set, tuple, int, float,
//! bool, object).

use crate::builtins::{arity, int_arg, kwarg, method_arity, sort_values, type_name_of};
use crate::dict::{Dict, Key};
use crate::footprint::PyCell;
use crate::int;
use crate::memory;
use crate::native::{native, Args, Control, NResult, NativeFn};
use crate::types::Types;
use crate::value::{BuiltinKind, Class, Str, Truth, Value};
use crate::Exc;
use crate::{Thread, Vm};
use std::rc::Rc;

pub(crate) fn add(class: &Rc<Class>, items: &[(&str, &'static NativeFn)]) {
    let mut dict = class.dict.borrow_mut();
    for (name, f) in items {
        dict.insert(Str::from(*name), Value::Native(f));
    }
}

pub fn install(t: &Types) {
    add(
        &t.object,
        &[
            ("__init__", &OBJECT_INIT),
            ("__new__", &OBJECT_NEW),
            ("__setattr__", &crate::instance_attrs::OBJECT_SETATTR),
            ("__delattr__", &crate::instance_attrs::OBJECT_DELATTR),
        ],
    );
    add(&t.type_, &[("__new__", &crate::builtins::TYPE), ("__call__", &crate::builtins::TYPE_CALL)]);
    let init_subclass =
        crate::value::Descriptor::new(crate::value::DescriptorKind::ClassMethod, Value::Native(&OBJECT_INIT_SUBCLASS));
    t.object.dict.borrow_mut().insert(Str::from("__init_subclass__"), Value::Descriptor(Rc::new(init_subclass)));
    add(&t.int, &[("__new__", &INT_NEW)]);
    // range and the lazy iterator types are classes, called through their `__new__`.
    add(&t.range, &[("__new__", &crate::builtins::RANGE)]);
    add(&t.iterator_type("enumerate"), &[("__new__", &crate::builtins::ENUMERATE)]);
    add(&t.iterator_type("zip"), &[("__new__", &crate::builtins::ZIP)]);
    add(&t.iterator_type("map"), &[("__new__", &crate::builtins::MAP)]);
    add(&t.iterator_type("filter"), &[("__new__", &crate::builtins::FILTER)]);
    add(&t.bool_, &[("__new__", &BOOL_NEW)]);
    // `types.MethodType(func, obj)` binds `func` to `obj`.
    add(&t.method, &[("__new__", &METHOD_NEW)]);
    add(&t.slice, &[("__new__", &SLICE_NEW), ("indices", &SLICE_INDICES)]);
    add(&t.float, &[("__new__", &FLOAT_NEW)]);
    add(&t.tuple, &[("__new__", &TUPLE_NEW), ("index", &LIST_INDEX), ("count", &LIST_COUNT)]);
    add(
        &t.str_,
        &[
            ("__new__", &STR_NEW),
            ("join", &STR_JOIN),
            ("split", &crate::str_split::STR_SPLIT),
            ("rsplit", &crate::str_split::STR_RSPLIT),
            ("strip", &STR_STRIP),
            ("lstrip", &STR_LSTRIP),
            ("rstrip", &STR_RSTRIP),
            ("upper", &STR_UPPER),
            ("lower", &STR_LOWER),
            ("replace", &STR_REPLACE),
            ("format", &STR_FORMAT),
            ("format_map", &STR_FORMAT_MAP),
            ("isdigit", &STR_ISDIGIT),
            ("isalpha", &STR_ISALPHA),
            ("ljust", &STR_LJUST),
            ("rjust", &STR_RJUST),
            ("center", &STR_CENTER),
            ("zfill", &STR_ZFILL),
            ("title", &STR_TITLE),
            ("capitalize", &STR_CAPITALIZE),
        ],
    );
    add(
        &t.list,
        &[
            ("__new__", &LIST_NEW),
            ("__init__", &LIST_INIT),
            ("append", &LIST_APPEND),
            ("pop", &LIST_POP),
            ("insert", &LIST_INSERT),
            ("remove", &LIST_REMOVE),
            ("extend", &LIST_EXTEND),
            ("index", &LIST_INDEX),
            ("count", &LIST_COUNT),
            ("sort", &LIST_SORT),
            ("reverse", &LIST_REVERSE),
            ("clear", &LIST_CLEAR),
            ("copy", &LIST_COPY),
        ],
    );
    add(
        &t.dict,
        &[
            ("__new__", &DICT_NEW),
            ("__init__", &DICT_INIT),
            ("get", &DICT_GET),
            ("__contains__", &DICT_CONTAINS),
            ("items", &crate::dict_view::DICT_ITEMS),
            ("keys", &crate::dict_view::DICT_KEYS),
            ("values", &crate::dict_view::DICT_VALUES),
            ("setdefault", &DICT_SETDEFAULT),
            ("update", &DICT_UPDATE),
            ("pop", &DICT_POP),
            ("popitem", &DICT_POPITEM),
            ("clear", &DICT_CLEAR),
            ("copy", &DICT_COPY),
        ],
    );
    let fromkeys =
        crate::value::Descriptor::new(crate::value::DescriptorKind::ClassMethod, Value::Native(&DICT_FROMKEYS));
    t.dict.dict.borrow_mut().insert(Str::from("fromkeys"), Value::Descriptor(Rc::new(fromkeys)));
    crate::set_methods::install(t);
    crate::container_dunders::install(t);
    // Mutable containers are unhashable, subclasses included (`__hash__ = None`).
    for class in [&t.list, &t.dict, &t.set] {
        class.dict.borrow_mut().insert(Str::from("__hash__"), Value::None);
    }
    crate::str_predicates::install(t);
    crate::range_methods::install(t);
    crate::str_translate::install(t);
    crate::str_search::install(t);
    crate::bytes::install(t);
    crate::number_methods::install(t);
    crate::number_dunders::install(t);
    crate::object_methods::install(t);
}

native!(OBJECT_INIT, "object.__init__", |_vm, _th, _args| Ok(Value::None));
// PEP 487's default: a class statement's keywords must all have been taken by a subclass hook.
native!(OBJECT_INIT_SUBCLASS, "object.__init_subclass__", |vm, _th, args| {
    match (args.pos.first(), args.kw.is_empty()) {
        (_, true) => Ok(Value::None),
        (Some(Value::Class(class)), false) if vm.options.python >= gilsim_core::PythonVersion::new(3, 9) => {
            let message = format!("{}.__init_subclass__() takes no keyword arguments", class.name);
            Err(vm.raise_msg(Exc::TypeError, message))
        }
        (_, false) => Err(vm.raise_msg(Exc::TypeError, "__init_subclass__() takes no keyword arguments")),
    }
});
// `object.__new__(cls)`: an instance of a Python class, `__init__` not called (`copy`).
native!(OBJECT_NEW, "object.__new__", |vm, _th, args| {
    let class = match args.pos.first() {
        Some(Value::Class(class)) => class.clone(),
        _ => return Err(vm.raise_msg(Exc::TypeError, "object.__new__(X): X is not a type object")),
    };
    if vm.builtin_ancestor(&class).kind != crate::value::BuiltinKind::Object {
        let name = class.display_name();
        return Err(vm.raise_msg(Exc::TypeError, format!("object.__new__({name}) is not safe, use {name}.__new__()")));
    }
    let instance = Rc::new(crate::value::Instance::new(class, crate::value::Slot::None));
    crate::finalizers::on_new(&instance);
    Ok(Value::Instance(instance))
});
native!(INT_NEW, "int", |vm, th, args| match vm.new_immutable_subclass(th, args, BuiltinKind::Int)? {
    Some(made) => Ok(made),
    None => int_new(vm, th, args),
});
// `slice(stop)`, `slice(start, stop[, step])`: what `x[start:stop:step]` builds.
native!(SLICE_NEW, "slice", |vm, _th, args| {
    arity(vm, "slice", args, 1, 3)?;
    let mut parts = args.pos.clone();
    if parts.len() == 1 {
        parts.insert(0, Value::None);
    }
    parts.resize(3, Value::None);
    let [start, stop, step] = <[Value; 3]>::try_from(parts).unwrap_or_else(|_| unreachable!("three parts"));
    Ok(Value::Slice(Rc::new([start, stop, step])))
});
// `slice.indices(length)`: (start, stop, step) resolved against a length.
native!(SLICE_INDICES, "slice.indices", |vm, _th, args| {
    arity(vm, "indices", args, 2, 2)?;
    let Value::Slice(slice) = &args.pos[0] else {
        return Err(vm.raise_msg(Exc::TypeError, "descriptor 'indices' requires a 'slice' object"));
    };
    let length = int_arg(vm, &args.pos[1], "")?;
    if length < 0 {
        return Err(vm.raise_msg(Exc::ValueError, "length should not be negative"));
    }
    let (start, stop, step) = vm.slice_indices(slice, length as usize)?;
    Ok(Value::tuple(vec![Value::Int(start), Value::Int(stop), Value::Int(step)]))
});
native!(METHOD_NEW, "method", |vm, _th, args| {
    arity(vm, "method", args, 2, 2)?;
    if !crate::builtins::is_callable(&args.pos[0]) {
        return Err(vm.raise_msg(Exc::TypeError, "first argument must be callable"));
    }
    Ok(Value::BoundMethod(Rc::new((args.pos[1].clone(), args.pos[0].clone()))))
});
native!(BOOL_NEW, "bool", |vm, th, args| {
    arity(vm, "bool", args, 0, 1)?;
    match args.pos.first() {
        Some(v) => Ok(Value::bool(vm.truthy(th, v)?)),
        None => Ok(Value::Bool(Truth::False)),
    }
});
native!(FLOAT_NEW, "float", |vm, th, args| match vm.new_immutable_subclass(th, args, BuiltinKind::Float)? {
    Some(made) => Ok(made),
    None => float_new(vm, th, args),
});
native!(STR_NEW, "str", |vm, th, args| {
    if let Some(made) = vm.new_immutable_subclass(th, args, BuiltinKind::Str)? {
        return Ok(made);
    }
    // `str(object=x)` is `str(x)`.
    if args.pos.is_empty() && matches!(args.kw.as_slice(), [(name, _)] if &**name == "object") {
        args.pos.extend(args.kw.pop().map(|(_, v)| v));
    }
    if args.pos.len() > 1 || !args.kw.is_empty() {
        return crate::codecs::str_of_bytes(vm, args);
    }
    if let Some(text) = args.pos.first().and_then(Value::plain_str) {
        return Ok(text);
    }
    match args.pos.first() {
        Some(v) => match vm.format_hook(v, b's', "") {
            // A Python `__str__` runs as a frame of the thread (see crate::hooks).
            Some(hook) => Err(Control::Hook(Box::new(hook))),
            None => Ok(Value::str(&vm.str_of(th, v)?)),
        },
        None => Ok(Value::str("")),
    }
});
native!(TUPLE_NEW, "tuple", |vm, th, args| {
    if let Some(made) = vm.new_immutable_subclass(th, args, BuiltinKind::Tuple)? {
        return Ok(made);
    }
    arity(vm, "tuple", args, 0, 1)?;
    vm.unless_iterated_in_python(th, args, |vm| Value::Class(vm.types.tuple.clone()))?;
    match args.pos.first() {
        Some(v) => Ok(Value::tuple(vm.collect(th, v)?)),
        None => Ok(Value::tuple(vec![])),
    }
});
native!(LIST_NEW, "list", |vm, th, args| {
    if let Some(instance) = vm.new_container_subclass(args.pos.first(), BuiltinKind::List) {
        return Ok(instance);
    }
    arity(vm, "list", args, 0, 1)?;
    vm.unless_iterated_in_python(th, args, |vm| Value::Class(vm.types.list.clone()))?;
    match args.pos.first() {
        Some(v) => Ok(Value::list(vm.collect(th, v)?)),
        None => Ok(Value::list(vec![])),
    }
});
native!(DICT_NEW, "dict", |vm, th, args| {
    if let Some(instance) = vm.new_container_subclass(args.pos.first(), BuiltinKind::Dict) {
        return Ok(instance);
    }
    arity(vm, "dict", args, 0, 1)?;
    // A Python mapping's keys() and items are read in the thread's own frames, where they may
    // block (a multiprocessing manager's DictProxy asks its server) and switch, as in CPython.
    if let Some(source @ Value::Instance(_)) = args.pos.first() {
        if vm.nested == 0 && vm.user_method(source, "keys").is_some() {
            return Err(vm.library_tail_call(th, "_gilsim_iter", "dict_of_mapping", std::mem::take(args)));
        }
    }
    let d = Value::Dict(Rc::new(PyCell::new(Dict::default())));
    if let Some(source) = args.pos.first() {
        update_dict(vm, th, &d, source)?;
    }
    for (k, v) in std::mem::take(&mut args.kw) {
        vm.set_item(th, &d, Value::Str(k), v)?;
    }
    Ok(d)
});

/// `int(text, base)`: optional sign, underscores between digits, and for base 0 (or the
/// matching base) a `0x`/`0o`/`0b` prefix, which one underscore may follow, as CPython's
/// `PyLong_FromString` accepts.
fn parse_int_literal(text: &str, base: u32) -> Option<Value> {
    let text = text.trim();
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let lower = digits.to_ascii_lowercase();
    let prefix =
        [("0x", 16), ("0o", 8), ("0b", 2)].into_iter().find(|(p, b)| (base == 0 || base == *b) && lower.starts_with(p));
    let (base, body) = match prefix {
        Some((_, b)) => {
            let rest = &digits[2..];
            (b, rest.strip_prefix('_').unwrap_or(rest))
        }
        // Base 0 without a prefix is decimal, where a leading zero may only start a zero.
        None if base == 0 && digits.starts_with('0') && digits.bytes().any(|b| b != b'0' && b != b'_') => return None,
        None if base == 0 => (10, digits),
        None => (base, digits),
    };
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    let value = num_bigint::BigInt::parse_bytes(body.replace('_', "").as_bytes(), base)?;
    // A sign inside the body (`int("+-1")`) is not a digit.
    if body.starts_with(['+', '-']) {
        return None;
    }
    Some(int::from_big(if negative { -value } else { value }))
}

fn int_new(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    if !args.kw.is_empty() {
        int_base_keyword(vm, args)?;
    }
    arity(vm, "int", args, 0, 2)?;
    let Some(v) = args.pos.first() else {
        return Ok(Value::Int(0));
    };
    if let (Value::Instance(_), None) = (v, args.pos.get(1)) {
        // A class's `__int__`, else `__index__`, else `__trunc__` (CPython's PyNumber_Long;
        // a `Fraction` before 3.11 converts by its `__trunc__`).
        for dunder in ["__int__", "__index__", "__trunc__"] {
            if let Some(r) = vm.call_user_dunder(th, v, dunder)? {
                return match r {
                    Value::Int(_) | Value::Long(_) | Value::Bool(_) => int_new(vm, th, &mut Args::new(vec![r])),
                    other if dunder == "__trunc__" => match vm.call_user_dunder(th, &other, "__index__")? {
                        Some(index @ (Value::Int(_) | Value::Long(_) | Value::Bool(_))) => {
                            int_new(vm, th, &mut Args::new(vec![index]))
                        }
                        _ => Err(vm.raise_msg(
                            Exc::TypeError,
                            format!("__trunc__ returned non-Integral (type {})", type_name_of(&other)),
                        )),
                    },
                    other => Err(vm.raise_msg(
                        Exc::TypeError,
                        format!("{dunder} returned non-int (type {})", type_name_of(&other)),
                    )),
                };
            }
        }
    }
    match (crate::immutable_subclass::value_of(v), args.pos.get(1)) {
        (v @ (Value::Int(_) | Value::Long(_)), None) => Ok(v.clone()),
        (Value::Bool(b), None) => Ok(Value::Int(i64::from(*b))),
        (Value::Float(f), None) => {
            if f.get().is_nan() {
                return Err(vm.raise_msg(Exc::ValueError, "cannot convert float NaN to integer"));
            }
            if !f.get().is_finite() {
                return Err(vm.raise_msg(Exc::OverflowError, "cannot convert float infinity to integer"));
            }
            Ok(int::from_f64(f.get()))
        }
        (text @ (Value::Str(_) | Value::Bytes(_)), base) => {
            // Bytes are their ASCII text (one that is not UTF-8 parses as nothing).
            let text = match text {
                Value::Str(s) => Some(&**s),
                Value::Bytes(b) => std::str::from_utf8(b).ok(),
                _ => unreachable!("matched a str or bytes"),
            };
            let base = match base {
                Some(b) => int_arg(vm, b, "")?,
                None => 10,
            };
            if base != 0 && !(2..=36).contains(&base) {
                return Err(vm.raise_msg(Exc::ValueError, "int() base must be >= 2 and <= 36, or 0"));
            }
            let digits = text.map_or(0, |t| t.trim().len());
            if digits > 4300
                && vm.options.python >= gilsim_core::PythonVersion::new(3, 11)
                && base != 0
                && (base & (base - 1)) != 0
            {
                let message = "Exceeds the limit (4300 digits) for integer string conversion: value has more digits; use sys.set_int_max_str_digits() to increase the limit";
                return Err(vm.raise_msg(Exc::ValueError, message));
            }
            // Decimal text converts in quadratic time (powers of two in linear).
            if (base & (base - 1)) != 0 {
                vm.charge_conversion((text.map_or(0, str::len) as f64 * std::f64::consts::LOG2_10) as u64)?;
            }
            text.and_then(|t| parse_int_literal(t, base as u32)).ok_or_else(|| {
                let shown = match v {
                    Value::Bytes(b) => crate::bytes::bytes_repr(b),
                    _ => crate::repr::str_repr(text.unwrap_or_default()),
                };
                vm.raise_msg(Exc::ValueError, format!("invalid literal for int() with base {base}: {shown}"))
            })
        }
        (_, Some(_)) => Err(vm.raise_msg(Exc::TypeError, "int() can't convert non-string with explicit base")),
        (other, None) => Err(vm.raise_msg(
            Exc::TypeError,
            format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                type_name_of(other)
            ),
        )),
    }
}

/// `int(x, base=b)`: `base` is int()'s one keyword (`x` is positional-only), moved to its
/// place among the positional arguments.
fn int_base_keyword(vm: &mut Vm, args: &mut Args) -> Result<(), Control> {
    for (name, value) in std::mem::take(&mut args.kw) {
        let message = match (&*name, args.pos.len()) {
            ("base", 1) => {
                args.pos.push(value);
                continue;
            }
            ("base", 0) => "int() missing string argument".to_string(),
            ("base", _) => "argument for int() given by name ('base') and position (2)".to_string(),
            (other, _) => format!("'{other}' is an invalid keyword argument for int()"),
        };
        return Err(vm.raise_msg(Exc::TypeError, message));
    }
    Ok(())
}

fn float_new(vm: &mut Vm, th: &mut Thread, args: &mut Args) -> NResult {
    arity(vm, "float", args, 0, 1)?;
    let Some(v) = args.pos.first() else {
        return Ok(Value::float(0.0));
    };
    if let Value::Instance(_) = v {
        for dunder in ["__float__", "__index__"] {
            if let Some(r) = vm.call_user_dunder(th, v, dunder)? {
                return float_new(vm, th, &mut Args::new(vec![r]));
            }
        }
    }
    match crate::immutable_subclass::value_of(v) {
        number @ (Value::Int(_) | Value::Bool(_) | Value::Long(_) | Value::Float(_)) => {
            Ok(Value::float(vm.float_operand(number)?.expect("a number")))
        }
        Value::Str(s) => {
            let t = s.trim().to_lowercase();
            let parsed = match t.as_str() {
                "inf" | "+inf" | "infinity" => Some(f64::INFINITY),
                "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
                "nan" | "+nan" | "-nan" => Some(f64::NAN),
                _ => t.replace('_', "").parse().ok(),
            };
            parsed.map(Value::float).ok_or_else(|| {
                vm.raise_msg(
                    Exc::ValueError,
                    format!("could not convert string to float: {}", crate::repr::str_repr(s)),
                )
            })
        }
        other => Err(vm.raise_msg(
            Exc::TypeError,
            format!("float() argument must be a string or a real number, not '{}'", type_name_of(other)),
        )),
    }
}

// ---- str -------------------------------------------------------------------------------------

pub(crate) fn this_str(args: &Args) -> Str {
    match args.pos.first() {
        Some(Value::Str(s)) => s.clone(),
        _ => Str::from(""),
    }
}

pub(crate) fn str_arg(vm: &mut Vm, args: &Args, i: usize, method: &str) -> Result<Option<Str>, Control> {
    match args.pos.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.clone())),
        Some(other) => {
            Err(vm.raise_msg(Exc::TypeError, format!("{method} arg must be None or str, not {}", type_name_of(other))))
        }
    }
}

native!(STR_JOIN, "str.join", |vm, th, args| {
    method_arity(vm, "str.join", args, 1, 1)?;
    vm.unless_iterated_in_python(th, args, |_| Value::Native(&STR_JOIN))?;
    let sep = this_str(args);
    // A list's or tuple's items are read in place; anything else is collected first.
    let joined = match &args.pos[1] {
        Value::List(list) => join_strs(vm, &sep, &list.borrow()),
        Value::Tuple(items) => join_strs(vm, &sep, items),
        iterable => {
            let items = vm.collect(th, iterable)?;
            join_strs(vm, &sep, &items)
        }
    }?;
    Ok(Value::str(&joined))
});

/// `sep.join(items)`: the items checked and measured first, then copied once into a buffer
/// of their size.
fn join_strs(vm: &mut Vm, sep: &str, items: &[Value]) -> Result<String, Control> {
    let mut bytes = sep.len() as u64 * items.len() as u64;
    for (i, item) in items.iter().enumerate() {
        // A str subclass is its text.
        match crate::immutable_subclass::value_of(item) {
            Value::Str(s) => bytes += s.len() as u64,
            other => {
                return Err(vm.raise_msg(
                    Exc::TypeError,
                    format!("sequence item {i}: expected str instance, {} found", type_name_of(other)),
                ))
            }
        }
    }
    vm.charge(bytes)?;
    let mut joined = String::with_capacity(bytes as usize);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            joined.push_str(sep);
        }
        if let Value::Str(s) = crate::immutable_subclass::value_of(item) {
            joined.push_str(s);
        }
    }
    Ok(joined)
}

fn strip_with(vm: &mut Vm, args: &Args, name: &str, left: bool, right: bool) -> NResult {
    arity(vm, name, args, 1, 2)?;
    let s = this_str(args);
    let chars = str_arg(vm, args, 1, name)?;
    let matcher = |c: char| match &chars {
        Some(set) => set.contains(c),
        None => c.is_whitespace(),
    };
    let mut out: &str = &s;
    if left {
        out = out.trim_start_matches(matcher);
    }
    if right {
        out = out.trim_end_matches(matcher);
    }
    Ok(Value::str(out))
}

native!(STR_STRIP, "str.strip", |vm, _th, args| strip_with(vm, args, "strip", true, true));
native!(STR_LSTRIP, "str.lstrip", |vm, _th, args| strip_with(vm, args, "lstrip", true, false));
native!(STR_RSTRIP, "str.rstrip", |vm, _th, args| strip_with(vm, args, "rstrip", false, true));
native!(STR_UPPER, "str.upper", |vm, _th, args| {
    let s = this_str(args);
    Ok(Value::str(&if python2_bytes(vm, &s) { s.to_ascii_uppercase() } else { s.to_uppercase() }))
});
native!(STR_LOWER, "str.lower", |vm, _th, args| {
    let s = this_str(args);
    Ok(Value::str(&if python2_bytes(vm, &s) { s.to_ascii_lowercase() } else { s.to_lowercase() }))
});

/// A Python 2 `str` of bytes (no character past U+00FF), whose case methods change ASCII
/// letters alone (2.7's `str.upper` is C's `toupper` in the C locale).
fn python2_bytes(vm: &Vm, s: &str) -> bool {
    vm.options.python.major == 2 && !s.is_ascii() && !crate::output::python2_unicode(s)
}
native!(STR_TITLE, "str.title", |vm, _th, args| {
    let s = this_str(args);
    // A Python 2 `str` of bytes changes its ASCII letters alone, as its `upper` does.
    let bytes = python2_bytes(vm, &s);
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        let cased = if bytes { c.is_ascii_alphabetic() } else { crate::title_case::is_cased(c) };
        if bytes && !c.is_ascii() {
            out.push(c);
        } else if previous_cased {
            crate::title_case::push_lower(&mut out, &chars, i);
        } else {
            crate::title_case::push_title(&mut out, c);
        }
        previous_cased = cased;
    }
    Ok(Value::str(&out))
});
native!(STR_CAPITALIZE, "str.capitalize", |vm, _th, args| {
    let chars: Vec<char> = this_str(args).chars().collect();
    let mut out = String::with_capacity(chars.len());
    if let Some(&first) = chars.first() {
        // Title case for the first character from 3.8 (upper case before).
        if vm.options.python >= gilsim_core::PythonVersion::new(3, 8) {
            crate::title_case::push_title(&mut out, first);
        } else {
            out.extend(first.to_uppercase());
        }
        for i in 1..chars.len() {
            crate::title_case::push_lower(&mut out, &chars, i);
        }
    }
    Ok(Value::str(&out))
});

native!(STR_REPLACE, "str.replace", |vm, _th, args| {
    if vm.options.python >= gilsim_core::PythonVersion::new(3, 13) && args.pos.len() < 3 {
        // 3.13's `replace` takes `count` by keyword too (Argument Clinic's message).
        let message = format!("replace() takes at least 2 positional arguments ({} given)", args.pos.len() - 1);
        return Err(vm.raise_msg(Exc::TypeError, message));
    }
    method_arity(vm, "str.replace", args, 2, 3)?;
    let s = this_str(args);
    let (Some(old), Some(new)) = (str_arg(vm, args, 1, "replace")?, str_arg(vm, args, 2, "replace")?) else {
        return Err(vm.raise_msg(Exc::TypeError, "replace() arguments must be str"));
    };
    let count = if old.is_empty() { s.chars().count() as u64 + 1 } else { s.matches(&*old).count() as u64 };
    let grows = (new.len() as u64).saturating_sub(old.len() as u64);
    vm.charge((s.len() as u64).saturating_add(count.saturating_mul(grows)))?;
    let out = match args.pos.get(3) {
        Some(n) => {
            let n = int_arg(vm, n, "")?;
            if n < 0 {
                s.replace(&*old, &new)
            } else {
                s.replacen(&*old, &new, n as usize)
            }
        }
        None => s.replace(&*old, &new),
    };
    Ok(Value::str(&out))
});
native!(STR_FORMAT, "str.format", |vm, th, args| {
    let job = crate::format::FormatJob::new(&this_str(args), args.pos[1..].to_vec(), std::mem::take(&mut args.kw));
    vm.str_format_resumable(th, Box::new(job))
});

native!(STR_FORMAT_MAP, "str.format_map", |vm, th, args| {
    method_arity(vm, "str.format_map", args, 1, 1)?;
    let Value::Dict(mapping) = &args.pos[1] else {
        return Err(vm.raise_msg(Exc::TypeError, "gilsim supports str.format_map() with a dict"));
    };
    let kw: Vec<(crate::value::Str, Value)> = mapping
        .borrow()
        .iter()
        .filter_map(|(k, v)| match &k.0 {
            Value::Str(name) => Some((name.clone(), v.clone())),
            _ => None,
        })
        .collect();
    Ok(Value::str(&vm.str_format(th, &this_str(args), &[], &kw)?))
});

native!(STR_ISDIGIT, "str.isdigit", |_vm, _th, args| {
    let s = this_str(args);
    Ok(Value::bool(!s.is_empty() && s.chars().all(|c| c.is_ascii_digit())))
});
native!(STR_ISALPHA, "str.isalpha", |_vm, _th, args| {
    let s = this_str(args);
    Ok(Value::bool(!s.is_empty() && s.chars().all(char::is_alphabetic)))
});

fn justify(vm: &mut Vm, args: &Args, name: &str, align: char) -> NResult {
    arity(vm, name, args, 2, 3)?;
    let s = this_str(args);
    let width = int_arg(vm, &args.pos[1], "")?.max(0) as usize;
    let fill = match args.pos.get(2) {
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().expect("one char"),
        Some(_) => return Err(vm.raise_msg(Exc::TypeError, "The fill character must be exactly one character long")),
        None => ' ',
    };
    let n = s.chars().count();
    if n >= width {
        return Ok(Value::Str(s));
    }
    vm.charge((width - n) as u64 * fill.len_utf8() as u64 + s.len() as u64)?;
    let total = width - n;
    let (left, right) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            let left = total / 2 + (total & width & 1);
            (left, total - left)
        }
    };
    let pad = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    Ok(Value::str(&format!("{}{s}{}", pad(left), pad(right))))
}

native!(STR_LJUST, "str.ljust", |vm, _th, args| justify(vm, args, "ljust", '<'));
native!(STR_RJUST, "str.rjust", |vm, _th, args| justify(vm, args, "rjust", '>'));
native!(STR_CENTER, "str.center", |vm, _th, args| justify(vm, args, "center", '^'));
native!(STR_ZFILL, "str.zfill", |vm, _th, args| {
    method_arity(vm, "str.zfill", args, 1, 1)?;
    let s = this_str(args);
    let width = int_arg(vm, &args.pos[1], "")?.max(0) as usize;
    let n = s.chars().count();
    if n >= width {
        return Ok(Value::Str(s));
    }
    vm.charge(width as u64)?;
    let (sign, digits) = match s.strip_prefix(['-', '+']) {
        Some(rest) => (&s[..1], rest),
        None => ("", &*s),
    };
    Ok(Value::str(&format!("{sign}{}{digits}", "0".repeat(width - n))))
});

// ---- list ------------------------------------------------------------------------------------

fn this_list(args: &Args) -> Rc<PyCell<Vec<Value>>> {
    match args.pos.first().map(|v| v.builtin_base().unwrap_or(v)) {
        Some(Value::List(l)) => l.clone(),
        _ => Rc::new(PyCell::new(Vec::new())),
    }
}

// `list.__init__(self, iterable=())`, reached by subclasses (`super().__init__(items)`).
native!(LIST_INIT, "list.__init__", |vm, th, args| {
    arity(vm, "list", args, 1, 2)?;
    let items = match args.pos.get(1) {
        Some(iterable) => vm.collect(th, iterable)?,
        None => Vec::new(),
    };
    *this_list(args).borrow_mut() = items;
    Ok(Value::None)
});

native!(
    LIST_APPEND,
    "list.append",
    |vm, _th, args| {
        method_arity(vm, "list.append", args, 1, 1)?;
        vm.note_alloc(memory::SLOT);
        this_list(args).borrow_mut().push(args.pos[1].clone());
        Ok(Value::None)
    },
    fast = |vm, args| {
        let [Value::List(list), item] = args else { return None };
        vm.note_alloc(memory::SLOT);
        list.borrow_mut().push(item.clone());
        Some(Value::None)
    }
);
native!(LIST_POP, "list.pop", list_pop, fast = list_pop_fast);

/// `list.pop()` and `list.pop(i)` of a list (not a subclass) with an index in range; an
/// empty list or an index out of range takes [`list_pop`], which raises.
fn list_pop_fast(_vm: &mut Vm, args: &[Value]) -> Option<Value> {
    let (list, index) = match args {
        [Value::List(list)] => (list, -1),
        [Value::List(list), Value::Int(index)] => (list, *index),
        _ => return None,
    };
    let len = list.borrow().len() as i64;
    let i = if index < 0 { index + len } else { index };
    (0..len).contains(&i).then(|| list.borrow_mut().remove(i as usize))
}

fn list_pop(vm: &mut Vm, _th: &mut Thread, args: &mut Args) -> NResult {
    method_arity(vm, "list.pop", args, 0, 1)?;
    let list = this_list(args);
    // The index is converted first: `[].pop("0")` is CPython's TypeError.
    let i = match args.pos.get(1) {
        Some(v) => int_arg(vm, v, "")?,
        None => -1,
    };
    let len = list.borrow().len() as i64;
    if len == 0 {
        return Err(vm.raise_msg(Exc::IndexError, "pop from empty list"));
    }
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(vm.raise_msg(Exc::IndexError, "pop index out of range"));
    }
    let item = list.borrow_mut().remove(i as usize);
    Ok(item)
}
native!(LIST_INSERT, "list.insert", |vm, _th, args| {
    method_arity(vm, "list.insert", args, 2, 2)?;
    let list = this_list(args);
    let len = list.borrow().len() as i64;
    let i = int_arg(vm, &args.pos[1], "")?;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    vm.note_alloc(memory::SLOT);
    list.borrow_mut().insert(i as usize, args.pos[2].clone());
    Ok(Value::None)
});
native!(LIST_REMOVE, "list.remove", |vm, th, args| {
    method_arity(vm, "list.remove", args, 1, 1)?;
    let list = this_list(args);
    let items = list.borrow().clone();
    for (i, v) in items.iter().enumerate() {
        if vm.equal(th, v, &args.pos[1])? {
            list.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    Err(vm.raise_msg(Exc::ValueError, "list.remove(x): x not in list"))
});
native!(LIST_EXTEND, "list.extend", |vm, th, args| {
    method_arity(vm, "list.extend", args, 1, 1)?;
    let items = vm.collect(th, &args.pos[1])?;
    vm.charge_slots(items.len(), 0)?;
    this_list(args).borrow_mut().extend(items);
    Ok(Value::None)
});
native!(LIST_INDEX, "list.index", |vm, th, args| {
    method_arity(vm, "list.index", args, 1, 3)?;
    let items = vm.collect(th, &args.pos[0])?;
    // `index(x, start, stop)` searches `items[start:stop]`, the bounds clamped as a slice's.
    let mut bounds = [0, items.len()];
    for (bound, v) in bounds.iter_mut().zip(&args.pos[2..]) {
        let i = int_arg(vm, v, "")?;
        let len = items.len() as i64;
        *bound = (if i < 0 { i + len } else { i }).clamp(0, len) as usize;
    }
    for (i, v) in items.iter().enumerate().take(bounds[1]).skip(bounds[0]) {
        if vm.equal(th, v, &args.pos[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    let shown = vm.repr_of(th, &args.pos[1])?;
    let what = if matches!(args.pos[0], Value::Tuple(_)) {
        "tuple.index(x): x not in tuple".to_string()
    } else {
        format!("{shown} is not in list")
    };
    Err(vm.raise_msg(Exc::ValueError, what))
});
native!(LIST_COUNT, "list.count", |vm, th, args| {
    method_arity(vm, "list.count", args, 1, 1)?;
    let items = vm.collect(th, &args.pos[0])?;
    let mut n = 0;
    for v in &items {
        if vm.equal(th, v, &args.pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
});
native!(LIST_SORT, "list.sort", |vm, th, args| {
    if args.pos.len() > 1 {
        let message = if vm.options.python < gilsim_core::PythonVersion::new(3, 7) {
            "must use keyword argument for key function"
        } else {
            "sort() takes no positional arguments"
        };
        return Err(vm.raise_msg(Exc::TypeError, message));
    }
    let list = this_list(args);
    let mut items = list.borrow().clone();
    let reverse = match kwarg(args, "reverse") {
        Some(v) => vm.truthy(th, &v)?,
        None => false,
    };
    sort_values(vm, th, &mut items, kwarg(args, "key"), reverse)?;
    *list.borrow_mut() = items;
    Ok(Value::None)
});
native!(LIST_REVERSE, "list.reverse", |vm, _th, args| {
    method_arity(vm, "list.reverse", args, 0, 0)?;
    this_list(args).borrow_mut().reverse();
    Ok(Value::None)
});
native!(LIST_CLEAR, "list.clear", |vm, _th, args| {
    method_arity(vm, "list.clear", args, 0, 0)?;
    match args.pos.first() {
        // Freed as a dropped list frees them (last first, as CPython's `_list_clear`).
        Some(Value::List(l)) => crate::trashcan::dispose(std::mem::take(&mut *l.borrow_mut())),
        Some(Value::Dict(d)) => d.borrow_mut().clear(),
        Some(Value::Set(s)) => s.borrow_mut().clear(),
        _ => {}
    }
    Ok(Value::None)
});
native!(LIST_COPY, "list.copy", |vm, _th, args| {
    method_arity(vm, "list.copy", args, 0, 0)?;
    Ok(Value::list(this_list(args).borrow().clone()))
});

// ---- dict ------------------------------------------------------------------------------------

fn this_dict(args: &Args) -> Rc<PyCell<Dict>> {
    match args.pos.first().map(|v| v.builtin_base().unwrap_or(v)) {
        Some(Value::Dict(d)) => d.clone(),
        _ => Rc::new(PyCell::new(Dict::default())),
    }
}

// `dict.__init__(self, mapping_or_pairs=(), **kwargs)`, reached by subclasses.
native!(DICT_INIT, "dict.__init__", |vm, th, args| {
    if args.pos.len() > 2 {
        // Counted without the receiver, as `dict(a, b)` counts.
        arity(vm, "dict", &Args::new(args.pos[1..].to_vec()), 0, 1)?;
    }
    let target = Value::Dict(this_dict(args));
    if let Some(source) = args.pos.get(1) {
        update_dict(vm, th, &target, source)?;
    }
    for (k, v) in &args.kw {
        vm.set_item(th, &target, Value::Str(k.clone()), v.clone())?;
    }
    Ok(Value::None)
});

pub(crate) fn update_dict(vm: &mut Vm, th: &mut Thread, target: &Value, source: &Value) -> Result<(), Control> {
    let pairs: Vec<(Value, Value)> = match source.builtin_base().unwrap_or(source) {
        Value::Dict(d) => d.borrow().iter().map(|(k, v)| (k.0.clone(), v.clone())).collect(),
        // A mapping: its keys() and items by subscript (CPython's PyDict_Merge).
        Value::Instance(_) if vm.user_method(source, "keys").is_some() => {
            let keys_method = vm.get_attr(th, source, "keys")?;
            let keys = vm.call_nested(th, keys_method, Args::new(vec![]))?;
            let mut pairs = Vec::new();
            for key in vm.collect(th, &keys)? {
                let value = vm.get_item(th, source, &key)?;
                pairs.push((key, value));
            }
            pairs
        }
        other => {
            let mut pairs = Vec::new();
            for (i, item) in vm.collect(th, other)?.into_iter().enumerate() {
                let kv = vm.collect(th, &item)?;
                if kv.len() != 2 {
                    return Err(vm.raise_msg(
                        Exc::ValueError,
                        format!("dictionary update sequence element #{i} has length {}; 2 is required", kv.len()),
                    ));
                }
                pairs.push((kv[0].clone(), kv[1].clone()));
            }
            pairs
        }
    };
    for (k, v) in pairs {
        vm.set_item(th, target, k, v)?;
    }
    Ok(())
}

native!(DICT_CONTAINS, "dict.__contains__", |vm, th, args| {
    arity(vm, "__contains__", args, 2, 2)?;
    let key = vm.key(th, args.pos[1].clone())?;
    Ok(Value::bool(this_dict(args).borrow().contains_key(&key)))
});
native!(
    DICT_GET,
    "dict.get",
    |vm, th, args| {
        method_arity(vm, "dict.get", args, 1, 2)?;
        let key = vm.key(th, args.pos[1].clone())?;
        let found = this_dict(args).borrow().get(&key).cloned();
        Ok(found.unwrap_or_else(|| args.pos.get(2).cloned().unwrap_or(Value::None)))
    },
    fast = |_vm, args| {
        let (dict, key, default) = match args {
            [Value::Dict(dict), key] => (dict, key, None),
            [Value::Dict(dict), key, default] => (dict, key, Some(default)),
            _ => return None,
        };
        // Keys that hash without Python code; an instance or tuple key takes the full path.
        if !matches!(key, Value::Int(_) | Value::Str(_) | Value::Bool(_) | Value::None) {
            return None;
        }
        let found = dict.borrow().get(&Key::new(key.clone()).ok()?).cloned();
        Some(found.unwrap_or_else(|| default.cloned().unwrap_or(Value::None)))
    }
);
native!(DICT_SETDEFAULT, "dict.setdefault", |vm, th, args| {
    method_arity(vm, "dict.setdefault", args, 1, 2)?;
    let key = vm.key(th, args.pos[1].clone())?;
    let default = args.pos.get(2).cloned().unwrap_or(Value::None);
    vm.note_alloc(3 * memory::SLOT);
    Ok(this_dict(args).borrow_mut().entry(key).or_insert(default).clone())
});
native!(DICT_UPDATE, "dict.update", |vm, th, args| {
    arity(vm, "update", args, 1, 2)?;
    let target = args.pos[0].clone();
    if let Some(source) = args.pos.get(1) {
        update_dict(vm, th, &target, source)?;
    }
    for (k, v) in std::mem::take(&mut args.kw) {
        vm.set_item(th, &target, Value::Str(k), v)?;
    }
    Ok(Value::None)
});
native!(DICT_POP, "dict.pop", |vm, th, args| {
    method_arity(vm, "dict.pop", args, 1, 2)?;
    let key = vm.key(th, args.pos[1].clone())?;
    let removed = this_dict(args).borrow_mut().shift_remove(&key);
    match (removed, args.pos.get(2)) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(Control::Raise(vm.new_exception_args(Exc::KeyError, vec![args.pos[1].clone()]))),
    }
});
// The last item inserted, removed (LIFO, as CPython's since 3.7).
native!(DICT_POPITEM, "dict.popitem", |vm, _th, args| {
    method_arity(vm, "dict.popitem", args, 0, 0)?;
    let popped = this_dict(args).borrow_mut().pop();
    match popped {
        Some((key, value)) => Ok(Value::tuple(vec![key.0, value])),
        None => Err(vm.raise_msg(Exc::KeyError, "popitem(): dictionary is empty")),
    }
});
// `dict.fromkeys(iterable, value=None)`, a class method: a subclass's is made by calling the
// class and filled through its `__setitem__` (CPython's dict_fromkeys).
native!(DICT_FROMKEYS, "fromkeys", |vm, th, args| {
    let Some((Value::Class(class), rest)) = args.pos.split_first() else {
        let given = args.pos.first().map_or_else(|| "nothing".to_string(), crate::builtins::type_name_of);
        let message = format!("descriptor 'fromkeys' for type 'dict' needs a type, not a '{given}'");
        return Err(vm.raise_msg(Exc::TypeError, message));
    };
    let rest = Args { pos: rest.to_vec(), kw: args.kw.clone() };
    arity(vm, "fromkeys", &rest, 1, 2)?;
    let value = rest.pos.get(1).cloned().unwrap_or(Value::None);
    let d = if Rc::ptr_eq(class, &vm.types.dict) {
        Value::Dict(Rc::new(PyCell::new(Dict::default())))
    } else {
        vm.call_nested(th, Value::Class(class.clone()), Args::new(Vec::new()))?
    };
    for key in vm.collect(th, &rest.pos[0])? {
        vm.set_item(th, &d, key, value.clone())?;
    }
    Ok(d)
});
native!(DICT_CLEAR, "dict.clear", |vm, _th, args| {
    method_arity(vm, "dict.clear", args, 0, 0)?;
    this_dict(args).borrow_mut().clear();
    Ok(Value::None)
});
native!(DICT_COPY, "dict.copy", |vm, _th, args| {
    method_arity(vm, "dict.copy", args, 0, 0)?;
    Ok(Value::Dict(Rc::new(PyCell::new(this_dict(args).borrow().clone()))))
});
