//! `str` searches with CPython's optional `start`/`end` window: `find`, `rfind`, `index`,
//! `rindex`, `count`, `startswith`, `endswith`; and `removeprefix`/`removesuffix`. The window is in characters and clamps like a
//! slice (negative from the end); a start past the end finds nothing, not even `''`
//! (`Objects/stringlib/find.h`). Positions returned are characters of the whole string.

use crate::builtins::{arity, type_name_of};
use crate::methods::{str_arg, this_str};
use crate::native::{native, Args, Control, NResult};
use crate::types::Types;
use crate::value::Value;
use crate::{int, Exc, Vm};

pub(crate) fn install(t: &Types) {
    crate::methods::add(
        &t.str_,
        &[
            ("find", &STR_FIND),
            ("rfind", &STR_RFIND),
            ("index", &STR_INDEX),
            ("rindex", &STR_RINDEX),
            ("count", &STR_COUNT),
            ("startswith", &STR_STARTSWITH),
            ("endswith", &STR_ENDSWITH),
            ("removeprefix", &STR_REMOVEPREFIX),
            ("removesuffix", &STR_REMOVESUFFIX),
        ],
    );
}

/// The part of the receiver a search looks at: its text, and where it starts in characters.
struct Window {
    text: String,
    offset: usize,
    /// `start` was past the end of the string.
    beyond: bool,
}

/// A `start`/`end` bound: an int, or None for the default.
fn bound(vm: &mut Vm, v: Option<&Value>, default: i64, len: i64) -> Result<i64, Control> {
    let i = match v {
        None | Some(Value::None) => return Ok(default),
        Some(v) => match int::as_int(v) {
            Some(int::Int::Small(i)) => i,
            Some(int::Int::Big(b)) => {
                if num_traits::Signed::is_negative(b) {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                }
            }
            None => {
                let message = "slice indices must be integers or None or have an __index__ method";
                return Err(vm.raise_msg(Exc::TypeError, message));
            }
        },
    };
    Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
}

fn window(vm: &mut Vm, args: &Args, name: &str) -> Result<Window, Control> {
    arity(vm, name, args, 2, 4)?;
    let s = this_str(args);
    let len = s.chars().count() as i64;
    let raw_start = match args.pos.get(2) {
        Some(Value::Int(i)) => Some(*i),
        _ => None,
    };
    let start = bound(vm, args.pos.get(2), 0, len)?;
    let end = bound(vm, args.pos.get(3), len, len)?;
    let beyond = raw_start.is_some_and(|i| i > len);
    let text: String =
        if start < end { s.chars().skip(start as usize).take((end - start) as usize).collect() } else { String::new() };
    Ok(Window { text, offset: start as usize, beyond })
}

/// The character position of `sub` in the window (from the left or the right).
fn find(vm: &mut Vm, args: &Args, name: &str, from_right: bool) -> Result<Option<usize>, Control> {
    let w = window(vm, args, name)?;
    let sub = str_arg(vm, args, 1, name)?.unwrap_or_default();
    if w.beyond {
        return Ok(None);
    }
    let byte = if from_right { w.text.rfind(&*sub) } else { w.text.find(&*sub) };
    Ok(byte.map(|b| w.offset + w.text[..b].chars().count()))
}

fn found_or_raise(vm: &mut Vm, at: Option<usize>) -> NResult {
    match at {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.raise_msg(Exc::ValueError, "substring not found")),
    }
}

native!(STR_FIND, "str.find", |vm, _th, args| Ok(Value::Int(find(vm, args, "find", false)?.map_or(-1, |i| i as i64))));
native!(STR_RFIND, "str.rfind", |vm, _th, args| Ok(Value::Int(
    find(vm, args, "rfind", true)?.map_or(-1, |i| i as i64)
)));
native!(STR_INDEX, "str.index", |vm, _th, args| {
    let at = find(vm, args, "index", false)?;
    found_or_raise(vm, at)
});
native!(STR_RINDEX, "str.rindex", |vm, _th, args| {
    let at = find(vm, args, "rindex", true)?;
    found_or_raise(vm, at)
});
native!(STR_COUNT, "str.count", |vm, _th, args| {
    let w = window(vm, args, "count")?;
    let sub = str_arg(vm, args, 1, "count")?.unwrap_or_default();
    let n = match (w.beyond, sub.is_empty()) {
        (true, _) => 0,
        (false, true) => w.text.chars().count() + 1,
        (false, false) => w.text.matches(&*sub).count(),
    };
    Ok(Value::Int(n as i64))
});

fn affix(vm: &mut Vm, args: &Args, name: &str, prefix: bool) -> NResult {
    let w = window(vm, args, name)?;
    let test = |p: &str| !w.beyond && if prefix { w.text.starts_with(p) } else { w.text.ends_with(p) };
    match &args.pos[1] {
        Value::Str(p) => Ok(Value::bool(test(p))),
        Value::Tuple(items) => Ok(Value::bool(items.iter().any(|v| matches!(v, Value::Str(p) if test(p))))),
        other => Err(vm.raise_msg(
            Exc::TypeError,
            format!("{name} first arg must be str or a tuple of str, not {}", type_name_of(other)),
        )),
    }
}

native!(STR_STARTSWITH, "str.startswith", |vm, _th, args| affix(vm, args, "startswith", true));
native!(STR_ENDSWITH, "str.endswith", |vm, _th, args| affix(vm, args, "endswith", false));

native!(STR_REMOVEPREFIX, "str.removeprefix", |vm, _th, args| remove_affix(vm, args, "removeprefix", true));
native!(STR_REMOVESUFFIX, "str.removesuffix", |vm, _th, args| remove_affix(vm, args, "removesuffix", false));

/// `removeprefix`/`removesuffix` (new in 3.9: an AttributeError before, as the method is
/// missing there).
fn remove_affix(vm: &mut Vm, args: &Args, name: &str, prefix: bool) -> NResult {
    if vm.options.python < gilsim_core::PythonVersion::new(3, 9) {
        return Err(vm.raise_msg(Exc::AttributeError, format!("'str' object has no attribute '{name}'")));
    }
    arity(vm, name, args, 2, 2)?;
    let s = this_str(args);
    let Value::Str(affix) = &args.pos[1] else {
        let message = format!("{name}() argument must be str, not {}", type_name_of(&args.pos[1]));
        return Err(vm.raise_msg(Exc::TypeError, message));
    };
    let rest = if prefix { s.strip_prefix(&**affix) } else { s.strip_suffix(&**affix) };
    Ok(rest.map_or_else(|| args.pos[0].clone(), Value::str))
}
