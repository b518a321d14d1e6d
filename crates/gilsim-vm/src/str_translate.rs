//! `str.maketrans` and `str.translate`, as CPython's `unicodeobject.c` has them: a table maps
//! code points (ints) to a code point, a string or None (delete); `translate` looks each
//! character up in the table and keeps those it does not find. With them `expandtabs`, the
//! other per-character rewrite.

use crate::builtins::{arity, type_name_of};
use crate::dict::{Dict, Key};
use crate::footprint::PyCell;
use crate::methods::this_str;
use crate::native::{native, Control};
use crate::types::Types;
use crate::value::{Str, Value};
use crate::{Exc, Thread, Vm};
use std::rc::Rc;

pub(crate) fn install(t: &Types) {
    crate::methods::add(&t.str_, &[("translate", &STR_TRANSLATE), ("expandtabs", &STR_EXPANDTABS)]);
    // A static method: `"abc".maketrans(x, y)` takes no receiver either.
    let maketrans = Vm::descriptor(crate::value::DescriptorKind::StaticMethod, Value::Native(&STR_MAKETRANS));
    t.str_.dict.borrow_mut().insert(Str::from("maketrans"), maketrans);
}

// `str.maketrans(x[, y[, z]])`.
native!(STR_MAKETRANS, "maketrans", |vm, _th, args| {
    arity(vm, "maketrans", args, 1, 3)?;
    let pos = &args.pos[..];
    let mut table = Dict::default();
    let ord_key = |c: char| Key(Value::Int(i64::from(u32::from(c))));
    match pos {
        [Value::Dict(d)] => {
            for (k, v) in d.borrow().iter() {
                let key = match &k.0 {
                    Value::Str(s) if s.chars().count() == 1 => ord_key(s.chars().next().expect("one char")),
                    Value::Str(_) => {
                        return Err(vm.raise_msg(Exc::ValueError, "string keys in translate table must be of length 1"))
                    }
                    Value::Int(_) | Value::Bool(_) => Key(k.0.clone()),
                    _ => {
                        return Err(vm.raise_msg(Exc::TypeError, "keys in translate table must be strings or integers"))
                    }
                };
                table.insert(key, v.clone());
            }
        }
        [_] => return Err(vm.raise_msg(Exc::TypeError, "if you give only one argument to maketrans it must be a dict")),
        [x, y, rest @ ..] => {
            let (Value::Str(x), Value::Str(y)) = (x, y) else {
                let t = type_name_of(if matches!(x, Value::Str(_)) { y } else { x });
                return Err(vm.raise_msg(Exc::TypeError, format!("maketrans() argument must be str, not {t}")));
            };
            if x.chars().count() != y.chars().count() {
                return Err(vm.raise_msg(Exc::ValueError, "the first two maketrans arguments must have equal length"));
            }
            for (a, b) in x.chars().zip(y.chars()) {
                table.insert(ord_key(a), Value::Int(i64::from(u32::from(b))));
            }
            match rest.first() {
                None => {}
                Some(Value::Str(z)) => {
                    for c in z.chars() {
                        table.insert(ord_key(c), Value::None);
                    }
                }
                Some(other) => {
                    let message = format!("maketrans() argument 3 must be str, not {}", type_name_of(other));
                    return Err(vm.raise_msg(Exc::TypeError, message));
                }
            }
        }
        [] => unreachable!("arity checked"),
    }
    Ok(Value::Dict(Rc::new(PyCell::new(table))))
});

native!(STR_TRANSLATE, "str.translate", |vm, th, args| {
    let python2 = vm.options.python.major == 2;
    arity(vm, "translate", args, 2, if python2 { 3 } else { 2 })?;
    let s = this_str(args);
    let table = args.pos[1].clone();
    // Python 2's str: a 256-character table (or None) and characters to delete first.
    let deletions = match args.pos.get(2) {
        Some(Value::Str(deletions)) => deletions.to_string(),
        _ => String::new(),
    };
    if python2 && matches!(&table, Value::Str(t) if t.chars().count() != 256) {
        return Err(vm.raise_msg(Exc::ValueError, "translation table must be 256 characters long"));
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| !deletions.contains(*c)) {
        if python2 && matches!(table, Value::None) {
            out.push(c);
            continue;
        }
        match lookup(vm, th, &table, c)? {
            None => out.push(c),
            Some(Value::None) => {}
            Some(Value::Str(t)) => out.push_str(&t),
            Some(Value::Int(n)) => match u32::try_from(n).ok().and_then(char::from_u32) {
                Some(mapped) => out.push(mapped),
                None => {
                    return Err(vm.raise_msg(Exc::ValueError, "character mapping must be in range(0x110000)"));
                }
            },
            Some(_) => {
                return Err(vm.raise_msg(Exc::TypeError, "character mapping must return integer, None or str"));
            }
        }
    }
    Ok(Value::str(&out))
});

/// `table[ord(c)]`, None when the table has no entry (a LookupError).
fn lookup(vm: &mut Vm, th: &mut Thread, table: &Value, c: char) -> Result<Option<Value>, Control> {
    let code = Value::Int(i64::from(u32::from(c)));
    if let Value::Dict(d) = table {
        return Ok(d.borrow().get(&Key(code)).cloned());
    }
    match vm.get_item(th, table, &code) {
        Ok(v) => Ok(Some(v)),
        Err(Control::Raise(e)) if vm.is_instance_of(&e, Exc::LookupError) => Ok(None),
        Err(e) => Err(e),
    }
}

// `str.expandtabs(tabsize=8)`: each tab becomes the spaces to the next multiple of `tabsize`
// (none when it is 0 or less); the column restarts after `\n` and `\r`.
native!(STR_EXPANDTABS, "str.expandtabs", |vm, _th, args| {
    arity(vm, "expandtabs", args, 1, 2)?;
    let size = match args.pos.get(1).cloned().or_else(|| crate::builtins::kwarg(args, "tabsize")) {
        Some(n) => crate::builtins::int_arg(vm, &n, "")?,
        None => 8,
    };
    let text = this_str(args);
    let mut out = String::with_capacity(text.len());
    let mut column: i64 = 0;
    for c in text.chars() {
        match c {
            '\t' if size > 0 => {
                let spaces = size - column % size;
                vm.charge(spaces as u64)?;
                out.extend(std::iter::repeat_n(' ', spaces as usize));
                column += spaces;
            }
            '\t' => {}
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(Value::str(&out))
});
