//! `str.split` and `str.rsplit`: by a separator, or by runs of whitespace; at most
//! `maxsplit` splits, counted from the left (`split`) or the right (`rsplit`).

use crate::builtins::{arity, int_arg, kwarg};
use crate::methods::{str_arg, this_str};
use crate::native::{native, Args, Control};
use crate::value::{Str, Value};
use crate::Exc;
use crate::Vm;

/// The separator (None: whitespace) and maxsplit (-1: no limit) of a split call.
fn split_args(vm: &mut Vm, args: &Args, name: &str) -> Result<(Option<Str>, i64), Control> {
    arity(vm, name, args, 1, 3)?;
    let sep = match kwarg(args, "sep") {
        Some(Value::Str(s)) => Some(s),
        _ => str_arg(vm, args, 1, name)?,
    };
    if sep.as_deref() == Some("") {
        return Err(vm.raise_msg(Exc::ValueError, "empty separator"));
    }
    let maxsplit = match args.pos.get(2).cloned().or_else(|| kwarg(args, "maxsplit")) {
        Some(v) => int_arg(vm, &v, "")?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

native!(STR_SPLIT, "str.split", |vm, _th, args| {
    let (sep, maxsplit) = split_args(vm, args, "split")?;
    let s = this_str(args);
    let parts: Vec<Value> = match sep {
        Some(sep) if maxsplit < 0 => s.split(&*sep).map(Value::str).collect(),
        Some(sep) => s.splitn(maxsplit as usize + 1, &*sep).map(Value::str).collect(),
        None => {
            let mut out: Vec<Value> = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(Value::str(rest));
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(Value::str(&rest[..end]));
                rest = rest[end..].trim_start();
            }
            out
        }
    };
    Ok(Value::list(parts))
});

native!(STR_RSPLIT, "str.rsplit", |vm, _th, args| {
    let (sep, maxsplit) = split_args(vm, args, "rsplit")?;
    let s = this_str(args);
    let mut parts: Vec<Value> = match sep {
        Some(sep) if maxsplit < 0 => s.rsplit(&*sep).map(Value::str).collect(),
        Some(sep) => s.rsplitn(maxsplit as usize + 1, &*sep).map(Value::str).collect(),
        None => {
            let mut out: Vec<Value> = Vec::new();
            let mut rest = s.trim_end();
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(Value::str(rest));
                    break;
                }
                let start = rest
                    .rfind(char::is_whitespace)
                    .map_or(0, |i| i + rest[i..].chars().next().map_or(1, char::len_utf8));
                out.push(Value::str(&rest[start..]));
                rest = rest[..start].trim_end();
            }
            out
        }
    };
    parts.reverse();
    Ok(Value::list(parts))
});
