//! The matching engine under `re` (library/re.py): a Python pattern translated to the syntax
//! of fancy-regex (a backtracking engine with look-around and backreferences, leftmost-first
//! like CPython's `_sre`), and one search primitive that returns group spans in characters.
//! Translation: `(?P=name)` → `\k<name>`, `\Z` → `\z`, `$` without MULTILINE matches before a
//! final newline too (`(?=\n?\z)`), a `{` that is no repetition is a literal, `{,n}` is
//! `{0,n}`, `[`, `&` and `~` in a class are literals, octal escapes (`\123`, `\0`) and named
//! characters (`\N{EM DASH}`) become `\x{..}`, and the flags become inline flags. A pattern
//! is first checked as CPython parses it ([`super::sre_syntax`]), for CPython's errors and
//! warnings.

use super::sre_syntax::Refusal;
use crate::builtins::{arity, int_arg};
use crate::native::{native, Control};
use crate::value::{Instance, Slot, Value};
use crate::{Exc, Vm};
use std::cell::OnceCell;
use std::rc::Rc;

/// `re`'s flag values (library/re.py's `re.I`, `re.M`, ...), as `_constants.py` has them.
pub(super) mod flags {
    pub(crate) const TEMPLATE: i64 = 1;
    pub(crate) const IGNORECASE: i64 = 2;
    pub(crate) const LOCALE: i64 = 4;
    pub(crate) const MULTILINE: i64 = 8;
    pub(crate) const DOTALL: i64 = 16;
    pub(crate) const UNICODE: i64 = 32;
    pub(crate) const VERBOSE: i64 = 64;
    pub(crate) const DEBUG: i64 = 128;
    pub(crate) const ASCII: i64 = 256;
}
use flags::{DOTALL, IGNORECASE, MULTILINE, VERBOSE};

/// A compiled pattern: the search form, and the anchored forms `match` and `fullmatch` use,
/// compiled when first needed.
pub struct Compiled {
    source: String,
    search: fancy_regex::Regex,
    at_start: OnceCell<Option<fancy_regex::Regex>>,
    whole: OnceCell<Option<fancy_regex::Regex>>,
}

impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Compiled({:?})", self.source)
    }
}

impl Compiled {
    fn regex(&self, mode: i64) -> Option<&fancy_regex::Regex> {
        let (cell, suffix) = match mode {
            1 => (&self.at_start, ""),
            2 => (&self.whole, "\\z"),
            _ => return Some(&self.search),
        };
        cell.get_or_init(|| fancy_regex::Regex::new(&format!("\\A(?:{}){suffix}", self.source)).ok()).as_ref()
    }
}

/// A `{...}` at the start of `rest` that is a repetition: its translation.
fn repetition(rest: &str) -> Option<(usize, String)> {
    let close = rest.find('}')?;
    let inner = &rest[1..close];
    let (low, high) = match inner.split_once(',') {
        Some((low, high)) => (low, Some(high)),
        None => (inner, None),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !digits(low) || !high.is_none_or(digits) || (low.is_empty() && high.is_none_or(str::is_empty)) {
        return None;
    }
    let low = if low.is_empty() { "0" } else { low };
    let text = match high {
        Some(high) => format!("{{{low},{high}}}"),
        None => format!("{{{low}}}"),
    };
    Some((close + 1, text))
}

/// An octal escape's length after its backslash and its code, as `_parser` reads `\\` and
/// digits: in a set up to three octal digits; outside one `\\0` and up to two more, or three
/// octal digits (`\\1` or `\\12` are group references, left to the engine). The syntax check
/// has refused a code past 0o377.
fn octal_escape(digits: &str, in_class: bool) -> Option<(usize, u32)> {
    let octal: Vec<u32> = digits.chars().take(3).map_while(|c| c.to_digit(8)).collect();
    let len = match octal.first() {
        None => return None,
        Some(_) if in_class => octal.len(),
        Some(0) => octal.len(),
        Some(_) if octal.len() == 3 => 3,
        Some(_) => return None,
    };
    Some((len, octal[..len].iter().fold(0, |code, d| code * 8 + d)))
}

/// `\\N{name}`'s character (3.8+) and the length of `name}`, from the text after the brace.
fn named_character(text: &str) -> Option<(usize, char)> {
    let close = text.find('}')?;
    Some((close + 1, unicode_names2::character(&text[..close])?))
}

/// The fancy-regex form of a Python pattern.
fn translate(pattern: &str, flags: i64) -> String {
    let mut out = String::new();
    for (flag, letter) in [(IGNORECASE, 'i'), (MULTILINE, 'm'), (DOTALL, 's'), (VERBOSE, 'x')] {
        if flags & flag != 0 {
            out.push_str(&format!("(?{letter})"));
        }
    }
    let mut in_class = false;
    let mut i = 0;
    while i < pattern.len() {
        let rest = &pattern[i..];
        let c = rest.chars().next().unwrap_or_default();
        let mut step = c.len_utf8();
        match c {
            '\\' => {
                let next = rest[1..].chars().next();
                step += next.map_or(0, char::len_utf8);
                match next {
                    Some('Z') if !in_class => out.push_str("\\z"),
                    Some('N') if rest[2..].starts_with('{') => match named_character(&rest[3..]) {
                        Some((len, c)) => {
                            out.push_str(&format!("\\x{{{:x}}}", u32::from(c)));
                            step = 3 + len;
                        }
                        None => out.push_str(&rest[..step]),
                    },
                    Some('0'..='9') => match octal_escape(&rest[1..], in_class) {
                        Some((len, code)) => {
                            out.push_str(&format!("\\x{{{code:x}}}"));
                            step = 1 + len;
                        }
                        None => out.push_str(&rest[..step]),
                    },
                    _ => out.push_str(&rest[..step]),
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push('[');
                // A `]` first in the class (after `^`) is a literal.
                let after = &rest[1..];
                let caret = usize::from(after.starts_with('^'));
                if after[caret..].starts_with(']') {
                    out.push_str(&after[..caret]);
                    out.push_str("\\]");
                    step += caret + 1;
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            // Literals in a Python class that start a nested class or a set operation
            // (`&&`, `~~`) in the engine's syntax.
            '[' | '&' | '~' if in_class => {
                out.push('\\');
                out.push(c);
            }
            '(' if !in_class && rest.starts_with("(?P=") => match rest.find(')') {
                Some(close) => {
                    out.push_str(&format!("\\k<{}>", &rest[4..close]));
                    step = close + 1;
                }
                None => out.push('('),
            },
            '$' if !in_class && flags & MULTILINE == 0 => out.push_str("(?=\\n?\\z)"),
            '{' if !in_class => match repetition(rest) {
                Some((len, text)) => {
                    out.push_str(&text);
                    step = len;
                }
                None => out.push_str("\\{"),
            },
            '}' if !in_class => out.push_str("\\}"),
            _ => out.push(c),
        }
        i += step;
    }
    out
}

fn compiled(vm: &mut Vm, v: &Value) -> Result<Rc<Compiled>, Control> {
    match v {
        Value::Instance(inst) => match &inst.slot {
            Slot::Regex(compiled) => Ok(compiled.clone()),
            _ => Err(vm.raise_msg(Exc::TypeError, "not a compiled pattern")),
        },
        _ => Err(vm.raise_msg(Exc::TypeError, "not a compiled pattern")),
    }
}

// `_gilsim.sre_compile(pattern, flags)`: (handle, None, groups, {name: index}), or
// (None, message, position or None, None) for a pattern CPython's parser (see
// [`super::sre_syntax`]) or the engine refuses.
native!(SRE_COMPILE, "_gilsim.sre_compile", |vm, th, args| {
    arity(vm, "sre_compile", args, 2, 2)?;
    let Value::Str(pattern) = &args.pos[0] else {
        return Err(vm.raise_msg(Exc::TypeError, "first argument must be string or compiled pattern"));
    };
    let flags = int_arg(vm, &args.pos[1], "")?;
    let refused =
        |message: &str, position: Value| Value::tuple(vec![Value::None, Value::str(message), position, Value::None]);
    if vm.options.python.major == 3 {
        let (warnings, verdict) = super::sre_syntax::check(pattern, flags, vm.options.python);
        for warning in warnings {
            vm.warn(th, warning.category, &warning.message, 1, true);
        }
        match verdict {
            Ok(()) => {}
            Err(Refusal::Syntax(e)) => return Ok(refused(&e.msg, Value::Int(e.pos as i64))),
            Err(Refusal::InvalidSreCode) => return Err(vm.raise_msg(Exc::RuntimeError, "invalid SRE code")),
            Err(Refusal::Flags(message)) => return Err(vm.raise_msg(Exc::ValueError, message)),
            Err(Refusal::RepeatTooLarge) => {
                return Err(vm.raise_msg(Exc::OverflowError, "the repetition number is too large"));
            }
        }
    }
    let source = translate(pattern, flags);
    let search = match fancy_regex::Regex::new(&source) {
        Ok(regex) => regex,
        // CPython's compiler refuses a look-behind of varying width, with no position.
        Err(fancy_regex::Error::CompileError(fancy_regex::CompileError::LookBehindNotConst)) => {
            return Ok(refused("look-behind requires fixed-width pattern", Value::None));
        }
        Err(e) => {
            return Ok(refused(
                &format!("gilsim's regular expression engine cannot run this pattern: {e}"),
                Value::None,
            ))
        }
    };
    let groups = search.captures_len() as i64 - 1;
    let mut names = crate::dict::Dict::default();
    for (index, name) in search.capture_names().enumerate() {
        if let Some(name) = name {
            names.insert(crate::dict::Key(Value::str(name)), Value::Int(index as i64));
        }
    }
    let index = Value::Dict(Rc::new(crate::footprint::PyCell::new(names)));
    let compiled = Compiled { source, search, at_start: OnceCell::new(), whole: OnceCell::new() };
    let handle = Instance::new(vm.types.object.clone(), Slot::Regex(Rc::new(compiled)));
    Ok(Value::tuple(vec![Value::Instance(Rc::new(handle)), Value::None, Value::Int(groups), index]))
});

// `_gilsim.sre_search(handle, string, pos, endpos, mode)`: mode 0 searches, 1 matches at
// `pos`, 2 matches all of `string[pos:endpos]`. None, or the (start, end) of each group in
// characters, -1 for a group that did not take part.
native!(SRE_SEARCH, "_gilsim.sre_search", |vm, _th, args| {
    arity(vm, "sre_search", args, 5, 5)?;
    let compiled = compiled(vm, &args.pos[0])?;
    // A str subclass is its text.
    let Value::Str(text) = crate::immutable_subclass::value_of(&args.pos[1]) else {
        return Err(vm.raise_msg(Exc::TypeError, "expected string"));
    };
    let (pos, endpos, mode) =
        (int_arg(vm, &args.pos[2], "")?, int_arg(vm, &args.pos[3], "")?, int_arg(vm, &args.pos[4], "")?);
    // Character positions to byte offsets, and back.
    let offsets: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    let chars = offsets.len() - 1;
    let endpos = (endpos.max(0) as usize).min(chars);
    let pos = (pos.max(0) as usize).min(endpos);
    let haystack = &text[..offsets[endpos]];
    let Some(regex) = compiled.regex(mode) else { return Ok(Value::None) };
    // An anchored form sees the text from `pos` on (its `\A` is there).
    let (haystack, start, base) =
        if mode == 0 { (haystack, offsets[pos], 0) } else { (&haystack[offsets[pos]..], 0, pos) };
    let found = match regex.captures_from_pos(haystack, start) {
        Ok(found) => found,
        Err(e) => return Err(vm.raise_msg(Exc::RuntimeError, format!("regular expression failed: {e}"))),
    };
    let Some(captures) = found else { return Ok(Value::None) };
    let mut spans = Vec::with_capacity(captures.len() * 2);
    for group in 0..captures.len() {
        match captures.get(group) {
            Some(m) => {
                spans.push(Value::Int(char_index(&offsets, base, m.start()) as i64));
                spans.push(Value::Int(char_index(&offsets, base, m.end()) as i64));
            }
            None => spans.extend([Value::Int(-1), Value::Int(-1)]),
        }
    }
    Ok(Value::tuple(spans))
});

/// The character index of byte `byte` of a haystack that starts at character `base`.
fn char_index(offsets: &[usize], base: usize, byte: usize) -> usize {
    let absolute = offsets[base] + byte;
    offsets.partition_point(|&b| b < absolute)
}

pub const NATIVES: [&crate::native::NativeFn; 2] = [&SRE_COMPILE, &SRE_SEARCH];

#[cfg(test)]
mod tests {
    use super::translate;

    #[test]
    fn python_syntax_becomes_fancy_regex_syntax() {
        assert_eq!(translate(r"(?P<x>a)(?P=x)\Z", 0), r"(?P<x>a)\k<x>\z");
        assert_eq!(translate("a$", 0), r"a(?=\n?\z)");
        assert_eq!(translate("a$", 8), "(?m)a$");
        assert_eq!(translate("x{2}y{,3}{z}[{$]", 2), r"(?i)x{2}y{0,3}\{z\}[{$]");
        assert_eq!(translate("[]a]", 0), r"[\]a]");
    }
}
