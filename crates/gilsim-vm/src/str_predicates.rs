//! More `str` methods: the character-class predicates (`isalnum`, `isspace`, `isupper`, `isascii`, ...),
//! `partition`/`rpartition`, `splitlines`, `swapcase`, `casefold`. Unicode
//! classes follow Rust's `char` predicates, which agree with CPython's for the scripts'
//! text (letters, digits, whitespace).

use crate::builtins::arity;
use crate::methods::{str_arg, this_str};
use crate::native::{native, NResult};
use crate::types::Types;
use crate::value::{Truth, Value};
use crate::{Exc, Vm};

pub(crate) fn install(t: &Types) {
    crate::methods::add(
        &t.str_,
        &[
            ("isalnum", &STR_ISALNUM),
            ("isspace", &STR_ISSPACE),
            ("isupper", &STR_ISUPPER),
            ("islower", &STR_ISLOWER),
            ("isnumeric", &STR_ISNUMERIC),
            ("isdecimal", &STR_ISDECIMAL),
            ("isidentifier", &STR_ISIDENTIFIER),
            ("isascii", &STR_ISASCII),
            ("isprintable", &STR_ISPRINTABLE),
            ("istitle", &STR_ISTITLE),
            ("partition", &STR_PARTITION),
            ("rpartition", &STR_RPARTITION),
            ("splitlines", &STR_SPLITLINES),
            ("swapcase", &STR_SWAPCASE),
            ("casefold", &STR_CASEFOLD),
        ],
    );
}

fn all_chars(args: &crate::native::Args, test: impl Fn(char) -> bool) -> NResult {
    let s = this_str(args);
    Ok(Value::bool(!s.is_empty() && s.chars().all(test)))
}

/// Cased characters all of one case, and at least one of them (CPython's `isupper`).
fn cased(args: &crate::native::Args, upper: bool) -> NResult {
    let s = this_str(args);
    let mut any = false;
    for c in s.chars() {
        if c.is_uppercase() || c.is_lowercase() {
            if c.is_uppercase() != upper {
                return Ok(Value::Bool(Truth::False));
            }
            any = true;
        }
    }
    Ok(Value::bool(any))
}

native!(STR_ISALNUM, "str.isalnum", |_vm, _th, args| all_chars(args, char::is_alphanumeric));
native!(STR_ISSPACE, "str.isspace", |_vm, _th, args| all_chars(args, char::is_whitespace));
native!(STR_ISNUMERIC, "str.isnumeric", |_vm, _th, args| all_chars(args, char::is_numeric));
native!(STR_ISDECIMAL, "str.isdecimal", |_vm, _th, args| all_chars(args, |c| c.is_ascii_digit()));
// New in 3.7: an AttributeError before, as the method is missing there.
native!(STR_ISASCII, "str.isascii", |vm, _th, args| {
    if vm.options.python < gilsim_core::PythonVersion::new(3, 7) {
        return Err(vm.raise_msg(Exc::AttributeError, "'str' object has no attribute 'isascii'"));
    }
    arity(vm, "isascii", args, 1, 1)?;
    Ok(Value::bool(this_str(args).is_ascii()))
});
native!(STR_ISPRINTABLE, "str.isprintable", |_vm, _th, args| {
    Ok(Value::bool(this_str(args).chars().all(crate::repr::printable)))
});
native!(STR_ISUPPER, "str.isupper", |_vm, _th, args| cased(args, true));
native!(STR_ISLOWER, "str.islower", |_vm, _th, args| cased(args, false));
native!(STR_ISIDENTIFIER, "str.isidentifier", |_vm, _th, args| Ok(Value::bool(is_identifier(&this_str(args)))));

/// `str.isidentifier()` (also what `re` takes for a group name).
pub(crate) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic()) && chars.all(|c| c == '_' || c.is_alphanumeric())
}
native!(STR_ISTITLE, "str.istitle", |_vm, _th, args| {
    let s = this_str(args);
    let (mut any, mut previous_cased) = (false, false);
    for c in s.chars() {
        if c.is_uppercase() || crate::title_case::is_title_letter(c) {
            if previous_cased {
                return Ok(Value::Bool(Truth::False));
            }
            previous_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !previous_cased {
                return Ok(Value::Bool(Truth::False));
            }
            previous_cased = true;
        } else {
            previous_cased = false;
        }
    }
    Ok(Value::bool(any))
});

fn partition(vm: &mut Vm, args: &crate::native::Args, name: &str, from_right: bool) -> NResult {
    arity(vm, name, args, 2, 2)?;
    let s = this_str(args);
    let Some(sep) = str_arg(vm, args, 1, name)? else {
        return Err(vm.raise_msg(Exc::TypeError, "must be str, not NoneType"));
    };
    if sep.is_empty() {
        return Err(vm.raise_msg(Exc::ValueError, "empty separator"));
    }
    let found = if from_right { s.rfind(&*sep) } else { s.find(&*sep) };
    let parts = match found {
        Some(at) => [&s[..at], &*sep, &s[at + sep.len()..]],
        None if from_right => ["", "", &*s],
        None => [&*s, "", ""],
    };
    Ok(Value::tuple(parts.iter().map(|p| Value::str(p)).collect()))
}

native!(STR_PARTITION, "str.partition", |vm, _th, args| partition(vm, args, "partition", false));
native!(STR_RPARTITION, "str.rpartition", |vm, _th, args| partition(vm, args, "rpartition", true));
native!(STR_SPLITLINES, "str.splitlines", |vm, th, args| {
    arity(vm, "splitlines", args, 1, 2)?;
    let keep = match args.pos.get(1).cloned().or_else(|| crate::builtins::kwarg(args, "keepends")) {
        Some(v) => vm.truthy(th, &v)?,
        None => false,
    };
    let s = this_str(args);
    let mut lines = Vec::new();
    let mut rest: &str = &s;
    while !rest.is_empty() {
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let brk = if rest[end..].starts_with("\r\n") { 2 } else { usize::from(end < rest.len()) };
        lines.push(Value::str(if keep { &rest[..end + brk] } else { &rest[..end] }));
        rest = &rest[end + brk..];
    }
    Ok(Value::list(lines))
});

native!(STR_SWAPCASE, "str.swapcase", |_vm, _th, args| {
    let chars: Vec<char> = this_str(args).chars().collect();
    let mut swapped = String::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        // Neither upper nor lower (a titlecase `ǅ`, a digit): kept, as CPython keeps it.
        if c.is_uppercase() {
            crate::title_case::push_lower(&mut swapped, &chars, i);
        } else if c.is_lowercase() {
            swapped.extend(c.to_uppercase());
        } else {
            swapped.push(c);
        }
    }
    Ok(Value::str(&swapped))
});
native!(STR_CASEFOLD, "str.casefold", |_vm, _th, args| Ok(Value::str(&casefold(&this_str(args)))));

/// Unicode full case folding (CaseFolding.txt, statuses C and F, which `str.casefold` uses):
/// lowercasing, except where folding differs from it — the sharp s and the ligatures
/// expand, Greek variant letters and the final sigma fold to their plain forms.
fn casefold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        let special = match c {
            'ß' | 'ẞ' => "ss",
            'ſ' => "s",
            'µ' => "μ",
            'ς' => "σ",
            'ϐ' => "β",
            'ϑ' => "θ",
            'ϕ' => "φ",
            'ϖ' => "π",
            'ϰ' => "κ",
            'ϱ' => "ρ",
            'ϵ' => "ε",
            '\u{345}' => "ι",
            'ẛ' => "ṡ",
            'ŉ' => "ʼn",
            'ﬀ' => "ff",
            'ﬁ' => "fi",
            'ﬂ' => "fl",
            'ﬃ' => "ffi",
            'ﬄ' => "ffl",
            'ﬅ' | 'ﬆ' => "st",
            _ => {
                folded.extend(c.to_lowercase());
                continue;
            }
        };
        folded.push_str(special);
    }
    folded
}
